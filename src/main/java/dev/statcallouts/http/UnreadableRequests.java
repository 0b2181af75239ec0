package dev.statcallouts.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Requests that cannot be answered as they are, refused as a problem document like every other
 * refusal, and never logged (any client can send as many as it likes):
 *
 * <ul>
 *   <li>one without a Host header naming a host: every answer may hold absolute links built from
 *       it, and what builds them (the REST layer's, Vert.x's) would fail with a server error;
 *   <li>one announcing a body over the HTTP layer's limit ({@code quarkus.http.limits.max-body-size}),
 *       which Quarkus would refuse with an empty 413;
 *   <li>one that Vert.x fails with a bare client status before any route answers it (a request
 *       target that is not a path), which Quarkus's own error handler would answer with an empty
 *       body, or with a text page headed "500 - Internal Server Error" and a logged error.
 * </ul>
 *
 * <p>And an address that is no URI as sent is sent on to itself escaped (below). Quarkus's HTTP server
 * would answer it with an empty 400 before any route; the service's entry point ({@link
 * dev.statcallouts.Main}) turns that check off so that it comes here, on the management port's
 * router too.
 */
@ApplicationScoped
public class UnreadableRequests {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Where Quarkus's request metrics look for the template a request matched. */
    private static final String METRICS_TEMPLATE = "UrlPathTemplate";

    private static final String NO_HOST = "A request needs a Host header naming the host it is sent to.";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // Ahead of every route, the cards' too, and the first of the failure handlers.
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::answer);
    }

    void install(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE).handler(this::checkAddress);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!namesItsHost(request)) {
            refuse(ctx, Problem.of(400, Problems.title(400), NO_HOST));
            return;
        }
        if (!readable(ctx, request.uri())) {
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && announcesMore(length, maxBodySize.asLongValue())) {
            // Closed after the answer, so that the body it announced is not read.
            if (request.version() != HttpVersion.HTTP_2) {
                ctx.response()
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .endHandler(ended -> request.connection().close());
            }
            refuse(ctx, new BodyLimitFilter.BodyTooLargeException(maxBodySize.asLongValue()).toProblem());
            return;
        }
        ctx.next();
    }

    private void checkAddress(RoutingContext ctx) {
        if (readable(ctx, ctx.request().uri())) {
            ctx.next();
        }
    }

    /**
     * Whether the address goes on as sent. One that is no URI as the layers after this one read it
     * ({@code java.net.URI}: what browsers leave unescaped in a query, as in a shared link's
     * {@code ?utm_term={keyword}} or {@code ?q=AI|ML}, a {@code %} that starts no escape, raw
     * bytes past ASCII) is redirected (308: the method and body kept) to itself with those
     * characters escaped; one that cannot be is refused.
     */
    private boolean readable(RoutingContext ctx, String uri) {
        if (parses(uri)) {
            return true;
        }
        String escaped = uri.startsWith("/") ? escaped(uri) : null;
        if (escaped != null && parses(escaped)) {
            // Sent on rather than routed again here: the address the reader then holds is the one
            // every later layer and cache sees. The request metrics name a request by the route
            // template the request's context holds under this key (as Quarkus's routes set it),
            // else, here, by the address as it arrived: one series per address a client makes up.
            ctx.vertx().getOrCreateContext().putLocal(METRICS_TEMPLATE, "/{unreadable address}");
            SecurityHeaders.set(ctx.response().headers())
                    .set(HttpHeaders.LOCATION, escaped)
                    .set(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
            ctx.response().setStatusCode(308).end();
        } else {
            refuse(ctx, Problem.of(400, Problems.title(400), "The request's address could not be read."));
        }
        return false;
    }

    private static boolean parses(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException notAUri) {
            return false;
        }
    }

    /**
     * The address with every character a URI may not hold as it is percent-escaped, as a browser
     * escapes it in a path: a {@code %} that starts no escape is itself escaped. Null for a
     * character past one byte (the request line is read byte by byte, so none comes).
     */
    static String escaped(String uri) {
        StringBuilder out = new StringBuilder(uri.length() + 16);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            boolean keep = c == '%'
                    ? i + 2 < uri.length()
                            && HexFormat.isHexDigit(uri.charAt(i + 1))
                            && HexFormat.isHexDigit(uri.charAt(i + 2))
                    : c > ' ' && c < 0x7F && "\"<>\\^`{|}[]".indexOf(c) < 0;
            if (keep) {
                out.append(c);
            } else if (c > 0xFF) {
                return null;
            } else {
                out.append('%').append(HEX.toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /**
     * Whether the request names a host: HTTP/2 in its authority, HTTP/1 in its Host header (read
     * as sent: what Quarkus's request reports as its authority falls back to the server's own).
     */
    private static boolean namesItsHost(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return request.authority() != null;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        // A request without one reads as an empty one here.
        return host != null && !host.isBlank() && HostAndPort.parseAuthority(host, -1) != null;
    }

    /** Whether a Content-Length says more than this many bytes (one that is no number is left to the REST layer). */
    private static boolean announcesMore(String length, long limit) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private void answer(RoutingContext ctx) {
        int status = ctx.statusCode();
        Throwable cause = ctx.failure();
        boolean bare = cause == null || cause instanceof VertxException || cause instanceof HttpException;
        if (status < 400 || status >= 500 || !bare || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        // Without proxy forwarding, Vert.x itself fails a request that names no host, before any route.
        String detail = status == 404
                ? "There is no such resource."
                : namesItsHost(ctx.request()) ? "The request could not be read." : NO_HOST;
        refuse(ctx, Problem.of(status, Problems.title(status), detail));
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        SecurityHeaders.set(ctx.response().headers())
                .set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .set(HttpHeaders.CACHE_CONTROL, "no-store");
        ctx.response().setStatusCode(problem.status()).end(Buffer.buffer(body));
    }
}
