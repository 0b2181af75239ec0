package dev.statcallouts.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
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
 * <p>One kind never reaches the router: an address whose escapes do not decode ({@code %ZZ}),
 * which Quarkus's HTTP server answers with an empty 400 before any route runs.
 */
@ApplicationScoped
public class UnreadableRequests {

    private static final String NO_HOST = "A request needs a Host header naming the host it is sent to.";

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        // Ahead of every route, the cards' too, and the first of the failure handlers.
        router.route().order(Integer.MIN_VALUE).handler(this::check).failureHandler(this::answer);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!namesItsHost(request)) {
            refuse(ctx, Problem.of(400, Problems.title(400), NO_HOST));
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
