package dev.statcallouts.http;

import java.util.LinkedHashSet;
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

    void install(@Observes Router router) {
        // After the routes that answer from memory, which say what they vary on themselves.
        router.route().order(AnswerCache.ORDER + 10).handler(this::vary);
    }

    private void vary(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.addHeadersEndHandler(ignored -> {
                int status = ctx.response().getStatusCode();
                MultiMap headers = ctx.response().headers();
                if ((status == 200 && Gzip.compressible(headers.get(HttpHeaders.CONTENT_TYPE))) || status == 304) {
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
