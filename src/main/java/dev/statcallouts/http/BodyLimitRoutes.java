package dev.statcallouts.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.ext.web.Router;

/**
 * The HTTP layer's own 413 (a chunked body that outgrew {@code quarkus.http.limits.max-body-size})
 * answered as a problem document like every other refusal.
 */
@ApplicationScoped
public class BodyLimitRoutes {

    @Inject
    ApiConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() != 413 || ctx.response().headWritten()) {
                ctx.next();
                return;
            }
            try {
                Problem problem = Problem.of(413, "Content Too Large",
                        "The request body is larger than " + config.maxBodySize().asLongValue() + " bytes.");
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json.writeValueAsString(problem));
            } catch (JsonProcessingException e) {
                ctx.next();
            }
        });
    }
}
