package dev.statcallouts.http;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The template a request's route is named by in the HTTP metrics and traces ({@code /s/{slug}}),
 * which the REST layer leaves in the request's own context under a key Quarkus's REST, Micrometer
 * and OpenTelemetry extensions share. Hand-made because Quarkus's helper for it is not public;
 * OperationalMetricsTest fails if a new version moves it.
 */
final class RouteTemplate {

    private static final String KEY = "UrlPathTemplate";

    private RouteTemplate() {}

    /** The template the REST layer named this request by, or null. */
    static String of(RoutingContext ctx) {
        return ctx.request() instanceof HttpServerRequestInternal request
                ? request.context().getLocal(KEY)
                : null;
    }

    /** Names this request by a template the REST layer gave the same address before. */
    static void name(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(KEY, template);
        }
    }
}
