package dev.statcallouts.http;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every answer the HTTP layer may compress says so in {@code Vary: Accept-Encoding}, whatever
 * route wrote it, so that a CDN or proxy never hands a gzipped body to a client that did not ask
 * for one; what a route varies on already ({@code Authorization}, {@code Accept}) is kept.
 */
@ApplicationScoped
public class VaryHeaders {

    /** The types quarkus.http.enable-compression compresses (its defaults), and pictures gzipped by their route. */
    private static final Set<String> COMPRESSED = Set.of(
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

    void install(@Observes Router router) {
        router.route().order(-1_200).handler(this::vary);
    }

    private void vary(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.addHeadersEndHandler(ignored -> {
                int status = ctx.response().getStatusCode();
                MultiMap headers = ctx.response().headers();
                String type = headers.get(HttpHeaders.CONTENT_TYPE);
                boolean compressible = type != null
                        && COMPRESSED.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT));
                if ((status == 200 && compressible) || status == 304) {
                    headers.set(HttpHeaders.VARY, with(headers.get(HttpHeaders.VARY), "Accept-Encoding"));
                }
            });
        }
        ctx.next();
    }

    /** A Vary value with this header name added once. */
    static String with(String vary, String name) {
        Set<String> names = new LinkedHashSet<>();
        if (vary != null) {
            for (String part : vary.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.strip());
                }
            }
        }
        if (names.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
            names.add(name);
        }
        return String.join(", ", names);
    }
}
