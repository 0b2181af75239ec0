package dev.statcallouts.embed.rest;

import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.usage.UsageCounter;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path of {@code /embed}, ahead of the REST layer: a cached card is written straight from
 * the event loop; a miss is rendered on a worker thread, cached and written the same way.
 * This is the only path that serves cards. Anything refused (malformed option, unknown slug,
 * database unreachable) is handed on to {@link EmbedResource}, which answers it as a problem document.
 */
@ApplicationScoped
public class EmbedRoutes {

    private static final int FIRST = -1_000;

    /** Where a refused render is left for {@link EmbedResource}, so that it answers without rendering again. */
    static final String REFUSAL = "statcallouts.embed.refusal";

    @Inject
    CardCache cache;

    @Inject
    EmbedConfig config;

    @Inject
    UsageCounter usage;

    @Inject
    CardRenderer renderer;

    void install(@Observes Router router) {
        // Ahead of the HTTP layer's filters: this path sets every header it needs itself.
        // HEAD too: Vert.x answers it with the headers of the GET and no body.
        router.route("/embed/:slug")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .order(FIRST)
                .handler(ctx -> serve(ctx, CardCache.Kind.STAT));
        router.route("/embed/c/:slug")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .order(FIRST)
                .handler(ctx -> serve(ctx, CardCache.Kind.COLLECTION));
    }

    private void serve(RoutingContext ctx, CardCache.Kind kind) {
        CardCache.Key key;
        try {
            MultiMap query = ctx.queryParams();
            key = new CardCache.Key(
                    kind,
                    ctx.pathParam("slug"),
                    CardOptions.parse(query.get("theme"), query.get("lang"), query.get("accent"), query.get("v")));
        } catch (RuntimeException malformed) {
            // A bad option or an undecodable query: the REST layer answers it as a problem document.
            ctx.next();
            return;
        }
        RenderedPage cached = cache.getIfPresent(key);
        if (cached != null) {
            write(ctx, kind, cached);
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        cache.get(key, renderer::render)
                .whenComplete((page, refused) -> context.runOnContext(ignored -> {
                    if (refused == null) {
                        write(ctx, kind, page);
                    } else {
                        ctx.put(REFUSAL, refused instanceof CompletionException wrapped ? wrapped.getCause() : refused);
                        ctx.next();
                    }
                }));
    }

    private void write(RoutingContext ctx, CardCache.Kind kind, RenderedPage page) {
        if (kind == CardCache.Kind.STAT) {
            usage.count(ctx.pathParam("slug"), ctx.request().getHeader(HttpHeaders.REFERER));
        }
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        page.headers(config.cacheControl()).forEach(headers::set);
        // This route runs before the HTTP layer's filters, which would add these.
        headers.set("X-Content-Type-Options", "nosniff").set("Referrer-Policy", "strict-origin-when-cross-origin");
        if (page.notModified(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        String acceptEncoding = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        if (RenderedPage.acceptsGzip(acceptEncoding)) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        // The cached bytes are never written to, so every response can wrap the same array.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(page.body(acceptEncoding))));
    }
}
