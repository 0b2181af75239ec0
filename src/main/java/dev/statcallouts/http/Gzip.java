package dev.statcallouts.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** Bodies kept gzipped once, for the routes that answer from memory. */
public final class Gzip {

    /** The types quarkus.http.compress-media-types names: compressed alike from memory or on the fly. */
    private static final Set<String> COMPRESSIBLE = Set.of(
            "text/html",
            "text/plain",
            "text/xml",
            "text/css",
            "text/csv",
            "text/javascript",
            "application/javascript",
            "application/json",
            "application/xhtml+xml",
            "image/svg+xml");

    private Gzip() {}

    /** Whether a body of this Content-Type is sent compressed to a client that accepts gzip. */
    public static boolean compressible(String contentType) {
        return contentType != null
                && COMPRESSIBLE.contains(contentType.split(";")[0].strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Whether a body kept gzipped is sent as it is. Over HTTP/2 it never is: Vert.x's HTTP/2
     * compressor compresses whatever body the Content-Encoding header names, so a gzipped body
     * would be gzipped twice; there the plain body goes, compressed by Vert.x as the client asks.
     */
    public static boolean sendStored(HttpServerRequest request) {
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return acceptEncoding != null && acceptEncoding.contains("gzip") && request.version() != HttpVersion.HTTP_2;
    }

    /**
     * A kept body's gzipped bytes, made by the first reader who asks for them rather than when the
     * body is kept: most answers kept after a miss (a page number, a language, a size nobody asks
     * for again) are never sent gzipped from memory, and the miss itself goes out compressed by
     * the HTTP layer. They are made on that hit's event loop, once per kept answer (about 60 µs
     * for a 14 KB permalink here), after a miss that cost that address a reading of its own. Two
     * first readers at once may both make them; both get the same bytes.
     */
    public static final class Later {

        private final byte[] body;
        private volatile byte[] gzipped;

        public Later(byte[] body) {
            this.body = body;
        }

        public byte[] bytes() {
            byte[] made = gzipped;
            if (made == null) {
                made = of(body);
                gzipped = made;
            }
            return made;
        }
    }

    public static byte[] of(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
