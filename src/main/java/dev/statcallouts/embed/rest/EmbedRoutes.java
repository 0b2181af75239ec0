package dev.statcallouts.embed.rest;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.SurrogateKeys;
import dev.statcallouts.database.DatabaseFaults;
import dev.statcallouts.database.OutageLog;
import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.http.AnswerCache;
import dev.statcallouts.http.SecurityHeaders;
import dev.statcallouts.images.FigureImages;
import dev.statcallouts.images.ImageSpec;
import dev.statcallouts.usage.UsageCounter;
import io.netty.buffer.Unpooled;
import io.quarkus.logging.Log;
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
 * This is the only path that serves cards.
 *
 * <p>Inside an article (a request that accepts HTML: a browser loading the frame) nothing is
 * refused in words a reader cannot read: a malformed option is left at its default, a missing
 * revision shows the current figure, and an unknown figure or an unreachable database gets a
 * small notice card. Any other client gets the refusal from {@link EmbedResource}, as a problem
 * document.
 */
@ApplicationScoped
public class EmbedRoutes {

    private static final int FIRST = -1_000;

    /** Where a refused render is left for {@link EmbedResource}, so that it answers without rendering again. */
    public static final String REFUSAL = "statcallouts.embed.refusal";

    /** Marks a card shown in place of one its address asks for, which other clients are refused. */
    private static final String LENIENT = "statcallouts.embed.lenient";

    @Inject
    CardCache cache;

    @Inject
    EmbedConfig config;

    @Inject
    UsageCounter usage;

    @Inject
    CardRenderer renderer;

    @Inject
    FigureImages images;

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
        // Pictures of the same cards, cached and invalidated with them: /images/s/{slug}.png,
        // /images/s/{slug}/social.png, the same as .svg, and /images/c/… for collections.
        router.routeWithRegex("/images/(s|c)/(" + Slugs.PATTERN + ")(/social)?\\.(png|svg)")
                .method(HttpMethod.GET)
                .method(HttpMethod.HEAD)
                .order(FIRST)
                .handler(this::servePicture);
    }

    private void servePicture(RoutingContext ctx) {
        CardCache.Kind kind = ctx.pathParam("param0").equals("s") ? CardCache.Kind.STAT : CardCache.Kind.COLLECTION;
        ImageSpec spec;
        CardOptions options;
        try {
            MultiMap query = ctx.queryParams();
            String social = ctx.pathParam("param2");
            spec = ImageSpec.parse(
                    ctx.pathParam("param3"), social != null && !social.isEmpty(), query.get("w"), query.get("dpr"));
            options = CardOptions.parse(query.get("theme"), query.get("lang"), query.get("accent"), query.get("v"));
        } catch (RuntimeException malformed) {
            // The REST layer answers it as a problem document naming the parameter.
            ctx.next();
            return;
        }
        // A picture is shown by no article frame: every refusal is a problem document.
        serve(
                ctx,
                new CardCache.Key(kind, ctx.pathParam("param1"), options, spec.variant()),
                key -> images.render(key, spec),
                (key, refused) -> {
                    ctx.put(REFUSAL, refused);
                    ctx.next();
                });
    }

    private void serve(RoutingContext ctx, CardCache.Kind kind) {
        String slug = ctx.pathParam("slug");
        CardOptions options;
        try {
            MultiMap query = ctx.queryParams();
            options = CardOptions.parse(query.get("theme"), query.get("lang"), query.get("accent"), query.get("v"));
        } catch (RuntimeException malformed) {
            if (!inArticle(ctx)) {
                // A bad option or an undecodable query: the REST layer answers it as a problem document.
                ctx.next();
                return;
            }
            options = lenientOptions(ctx);
            ctx.put(LENIENT, true);
        }
        serve(ctx, new CardCache.Key(kind, slug, options));
    }

    private void serve(RoutingContext ctx, CardCache.Key key) {
        serve(ctx, key, this::renderSlug, (k, refused) -> {
            if (inArticle(ctx)) {
                stillShowSomething(ctx, k, refused);
            } else {
                ctx.put(REFUSAL, refused);
                ctx.next();
            }
        });
    }

    /**
     * A card not in the cache. What cannot be a slug is not looked up (one with a NUL would fail
     * the query); checked on a miss rather than on every request, since the cache never holds one.
     */
    private RenderedPage renderSlug(CardCache.Key key) {
        if (!Slugs.isSlug(key.slug())) {
            throw DomainException.notFound("There is no card at this address.");
        }
        return renderer.render(key);
    }

    /** The cached page, or the one {@code render} makes on a worker thread; {@code refusal} answers what it refused. */
    private void serve(
            RoutingContext ctx,
            CardCache.Key key,
            Function<CardCache.Key, RenderedPage> render,
            BiConsumer<CardCache.Key, Throwable> refusal) {
        RenderedPage cached = cache.getIfPresent(key);
        if (cached != null) {
            write(ctx, key, cached);
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        cache.get(key, render)
                .whenComplete((page, refused) -> context.runOnContext(ignored -> {
                    if (refused == null) {
                        write(ctx, key, page);
                    } else {
                        refusal.accept(
                                key, refused instanceof CompletionException wrapped ? wrapped.getCause() : refused);
                    }
                }));
    }

    /** In an article: the current figure if only its pinned revision is refused, else a notice card. */
    private void stillShowSomething(RoutingContext ctx, CardCache.Key key, Throwable refused) {
        if (refused instanceof DomainException && key.options().revision() != null) {
            ctx.put(LENIENT, true);
            serve(ctx, new CardCache.Key(key.kind(), key.slug(), key.options().current()));
            return;
        }
        boolean unavailable = !(refused instanceof DomainException);
        int status = 404;
        if (unavailable) {
            Optional<DatabaseFaults.Kind> outage = DatabaseFaults.of(refused);
            if (outage.isPresent()) {
                OutageLog.report(outage.get().words, refused.getMessage());
                status = 503;
            } else {
                Log.error("Card failed", refused);
                status = 500;
            }
        }
        RenderedPage notice = renderer.notice(key.kind(), key.slug(), key.options(), unavailable);
        HttpServerResponse response = ctx.response();
        notice.headers("no-store", response.headers()::set);
        SecurityHeaders.set(response.headers()).set(HttpHeaders.VARY, "Accept, Accept-Encoding");
        if (unavailable) {
            response.headers().set(HttpHeaders.RETRY_AFTER, "30");
        }
        response.setStatusCode(status).end(Buffer.buffer(notice.html()));
    }

    /**
     * Whether the card is asked for by a browser, which shows whatever comes back inside an
     * article (its frame), rather than by a client that reads problem documents.
     */
    private static boolean inArticle(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    private static CardOptions lenientOptions(RoutingContext ctx) {
        try {
            MultiMap query = ctx.queryParams();
            return CardOptions.lenient(query.get("theme"), query.get("lang"), query.get("accent"), query.get("v"));
        } catch (RuntimeException undecodable) {
            return CardOptions.parse(null, null, null, null);
        }
    }

    private void write(RoutingContext ctx, CardCache.Key key, RenderedPage page) {
        usage.count(page.slugs(), ctx.request().getHeader(HttpHeaders.REFERER));
        HttpServerResponse response = ctx.response();
        MultiMap headers = response.headers();
        page.headers(config.cacheControl(), headers::set);
        // This route runs before the HTTP layer's filters, which would add these.
        SecurityHeaders.set(headers);
        // This route answers ahead of AnswerCache, which names the keys of every other public read.
        AnswerCache.surrogateKeys(
                headers,
                key.kind() == CardCache.Kind.STAT
                        ? SurrogateKeys.stat(key.slug())
                        : SurrogateKeys.collection(key.slug()));
        if (ctx.get(LENIENT) != null) {
            // A browser is shown this card for an address other clients are refused.
            headers.set(HttpHeaders.VARY, "Accept, Accept-Encoding");
        }
        if (page.notModified(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        boolean gzipped = page.sentGzipped(ctx.request());
        if (gzipped) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        // The cached bytes are never written to, so every response can wrap the same array.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(gzipped ? page.gzipped() : page.html())));
    }
}
