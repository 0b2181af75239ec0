package dev.statcallouts.embed.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.http.ProblemException;
import dev.statcallouts.usage.EmbedViews;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path of {@code /embed}: a card already in the cache is written straight from the
 * event loop, before the REST layer. Anything else (a miss, a malformed option) falls through to
 * {@link EmbedResource}, which renders, caches and answers errors as problem documents.
 */
@ApplicationScoped
public class EmbedRoutes {

    private static final int FIRST = -1_000;

    @Inject
    CardCache cache;

    @Inject
    EmbedConfig config;

    @Inject
    EmbedViews views;

    void install(@Observes Router router) {
        // Ahead of the HTTP layer's filters: this path sets every header it needs itself.
        router.get("/embed/:slug").order(FIRST).handler(ctx -> serve(ctx, CardCache.Kind.STAT));
        router.get("/embed/c/:slug").order(FIRST).handler(ctx -> serve(ctx, CardCache.Kind.COLLECTION));
    }

    private void serve(RoutingContext ctx, CardCache.Kind kind) {
        RenderedPage page;
        try {
            MultiMap query = ctx.queryParams();
            CardOptions options = CardOptions.parse(query.get("theme"), query.get("lang"), query.get("accent"),
                    query.get("v"));
            page = cache.getIfPresent(new CardCache.Key(kind, ctx.pathParam("slug"), options));
        } catch (ProblemException malformed) {
            page = null;
        }
        if (page == null) {
            ctx.next();
            return;
        }
        if (kind == CardCache.Kind.STAT) {
            views.count(ctx.pathParam("slug"), ctx.request().getHeader(HttpHeaders.REFERER));
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
