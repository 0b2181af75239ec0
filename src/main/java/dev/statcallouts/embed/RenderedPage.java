package dev.statcallouts.embed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiConsumer;

import dev.statcallouts.common.Hashes;
import dev.statcallouts.http.Gzip;
import io.vertx.core.http.HttpServerRequest;

/**
 * A rendered card document as it goes on the wire: bytes plain and gzipped, validators, and its
 * Content-Security-Policy. Immutable, so one instance serves every reader from the cache.
 *
 * @param etag the quoted entity tag, as sent
 * @param lastModified the HTTP date, as sent
 * @param lang the language the card is written in
 * @param slugs the figures whose views a reader's load of it counts (none for previews and notices)
 */
public record RenderedPage(
        String contentType,
        byte[] html,
        byte[] gzipped,
        String etag,
        String lastModified,
        String csp,
        String lang,
        List<String> slugs) {

    public static RenderedPage of(String html, Instant lastModified, String csp, String lang, List<String> slugs) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        // Validators are formatted once here, not on every response of the hot path.
        return new RenderedPage(
                "text/html;charset=utf-8",
                bytes,
                Gzip.of(bytes),
                "\"" + Hashes.etag(bytes) + "\"",
                HTTP_DATE.format(lastModified),
                csp,
                lang,
                List.copyOf(slugs));
    }

    /**
     * A picture of a card: its bytes, gzipped too where that helps (SVG; a PNG is compressed
     * already). Pictures load no script, style or font: nothing is allowed.
     */
    public static RenderedPage image(
            byte[] bytes, String contentType, boolean compressible, Instant lastModified, String lang) {
        return new RenderedPage(
                contentType,
                bytes,
                compressible ? Gzip.of(bytes) : null,
                "\"" + Hashes.etag(bytes) + "\"",
                HTTP_DATE.format(lastModified),
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
                lang,
                List.of());
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /**
     * Sets the headers of every answer with this page (200 or 304) on {@code headers}, one by one:
     * the cached card's hot path, which builds no map of them per request.
     */
    public void headers(String cacheControl, BiConsumer<String, String> headers) {
        headers.accept("Content-Type", contentType);
        headers.accept("Content-Language", lang);
        headers.accept("ETag", etag);
        headers.accept("Last-Modified", lastModified);
        headers.accept("Cache-Control", cacheControl);
        if (gzipped != null) {
            headers.accept("Vary", "Accept-Encoding");
        }
        headers.accept("Content-Security-Policy", csp);
        headers.accept("Cross-Origin-Resource-Policy", "cross-origin");
        // A live card in a sandbox (opaque origin) fetches its own URL again.
        headers.accept("Access-Control-Allow-Origin", "*");
    }

    /** Whether an If-None-Match header names this page (weak comparison, as RFC 9110 wants for GET). */
    public boolean notModified(String ifNoneMatch) {
        return ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"));
    }

    /** Whether this page is sent as its gzipped bytes ({@link Gzip#sendStored}). */
    public boolean sentGzipped(HttpServerRequest request) {
        return gzipped != null && Gzip.sendStored(request);
    }
}
