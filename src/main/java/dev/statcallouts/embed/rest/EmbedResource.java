package dev.statcallouts.embed.rest;

import java.util.concurrent.CompletionException;

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

import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardCache;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.usage.EmbedViews;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The iframe documents, as the REST layer answers them: {@link EmbedRoutes} serves cards from
 * its own route first, so this resource answers what that route hands on (refusals as problem
 * documents: malformed options, unknown slugs, database unreachable) and documents the paths.
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

    @Inject
    EmbedViews views;

    @GET
    @Path(SLUG)
    @NonBlocking
    @Operation(summary = "A figure's card: theme=light|dark|auto, lang=<BCP 47>, accent=<hex>, v=<revision>")
    public Uni<Response> stat(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam("Referer") String referer,
            RoutingContext routing) {
        CardCache.Key key = new CardCache.Key(CardCache.Kind.STAT, slug, CardOptions.parse(theme, lang, accent, v));
        return page(key, ifNoneMatch, acceptEncoding, routing).invoke(() -> views.count(slug, referer));
    }

    @GET
    @Path("c/" + SLUG)
    @NonBlocking
    @Operation(summary = "A collection's cards with one reference list: theme, lang, accent")
    public Uni<Response> collection(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            RoutingContext routing) {
        CardCache.Key key =
                new CardCache.Key(CardCache.Kind.COLLECTION, slug, CardOptions.parse(theme, lang, accent, v));
        return page(key, ifNoneMatch, acceptEncoding, routing);
    }

    private Uni<Response> page(CardCache.Key key, String ifNoneMatch, String acceptEncoding, RoutingContext routing) {
        Throwable refused = routing.get(EmbedRoutes.REFUSAL);
        if (refused != null) {
            // The route already tried to render this card; answer its refusal rather than try again.
            return Uni.createFrom().failure(refused);
        }
        RenderedPage cached = cache.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(respond(cached, ifNoneMatch, acceptEncoding));
        }
        return Uni.createFrom()
                .completionStage(() -> cache.get(key, renderer::render))
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause)
                .map(page -> respond(page, ifNoneMatch, acceptEncoding));
    }

    private Response respond(RenderedPage page, String ifNoneMatch, String acceptEncoding) {
        Response.ResponseBuilder response =
                page.notModified(ifNoneMatch) ? Response.notModified() : Response.ok(page.body(acceptEncoding));
        if (!page.notModified(ifNoneMatch) && RenderedPage.acceptsGzip(acceptEncoding)) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        page.headers(config.cacheControl()).forEach(response::header);
        return response.build();
    }
}
