package dev.statcallouts.http;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses bodies over {@code statcallouts.api.max-body-size} with a 413 problem before reading
 * them. Chunked bodies without a length are capped by the same size in the HTTP layer
 * ({@link BodyLimitRoutes}).
 */
public class BodyLimitFilter {

    // Filters are created while the application starts, before runtime configuration is available.
    @Inject
    Provider<ApiConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Response limit(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long size;
        try {
            size = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(Problem.of(400, "Bad Request", "Content-Length is not a number."));
        }
        return size > config.get().maxBodySize().asLongValue() ? tooLarge(config.get()) : null;
    }

    static Response tooLarge(ApiConfig config) {
        return ProblemMappers.respond(Problem.of(413, "Content Too Large",
                "The request body is larger than " + config.maxBodySize().asLongValue() + " bytes."));
    }
}
