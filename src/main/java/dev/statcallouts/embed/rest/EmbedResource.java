package dev.statcallouts.embed.rest;

import java.util.Date;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.stats.rest.Slugs;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The iframe documents. A cached card is answered on the event loop without touching the
 * database; only a miss moves to a worker thread to render.
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "embeds", description = "Card documents for iframes")
public class EmbedResource {

    private static final String SLUG = "{slug: " + Slugs.PATTERN + "}";

    @Inject
    CardCache cache;

    @Inject
    CardRenderer renderer;

    @Inject
    EmbedConfig config;

    @GET
    @Path(SLUG)
    @NonBlocking
    @Operation(summary = "A figure's card: theme=light|dark|auto, lang=<BCP 47>, accent=<hex>, v=<revision>")
    public Uni<Response> stat(@PathParam("slug") String slug, @QueryParam("theme") String theme,
            @QueryParam("lang") String lang, @QueryParam("accent") String accent, @QueryParam("v") String v,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        CardCache.Key key = new CardCache.Key(CardCache.Kind.STAT, slug, CardOptions.parse(theme, lang, accent, v));
        return page(key, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("c/" + SLUG)
    @NonBlocking
    @Operation(summary = "A collection's cards with one reference list: theme, lang, accent")
    public Uni<Response> collection(@PathParam("slug") String slug, @QueryParam("theme") String theme,
            @QueryParam("lang") String lang, @QueryParam("accent") String accent, @QueryParam("v") String v,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        CardCache.Key key = new CardCache.Key(CardCache.Kind.COLLECTION, slug,
                CardOptions.parse(theme, lang, accent, v));
        return page(key, ifNoneMatch, acceptEncoding);
    }

    private Uni<Response> page(CardCache.Key key, String ifNoneMatch, String acceptEncoding) {
        RenderedPage cached = cache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(respond(cached, ifNoneMatch, acceptEncoding));
        }
        return Uni.createFrom().item(() -> cache.get(key, this::render))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(page -> respond(page, ifNoneMatch, acceptEncoding));
    }

    private RenderedPage render(CardCache.Key key) {
        return key.kind() == CardCache.Kind.STAT ? renderer.stat(key.slug(), key.options())
                : renderer.collection(key.slug(), key.options());
    }

    private Response respond(RenderedPage page, String ifNoneMatch, String acceptEncoding) {
        String etag = "\"" + page.etag() + "\"";
        Response.ResponseBuilder response;
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response = Response.notModified();
        } else if (acceptEncoding != null && acceptEncoding.contains("gzip")) {
            response = Response.ok(page.gzipped()).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        } else {
            response = Response.ok(page.html());
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, Date.from(page.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, config.cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header("Content-Security-Policy", page.csp())
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                // A live card in a sandbox (opaque origin) fetches its own URL again.
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }
}
