package dev.statcallouts.images.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.rest.EmbedRoutes;
import dev.statcallouts.http.ProblemException;
import dev.statcallouts.images.ImageSpec;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;

/**
 * Pictures of figures and collections as the API description lists them. {@link EmbedRoutes}
 * serves them ahead of the REST layer and hands on here only what it refuses (a malformed
 * parameter, an unknown slug, the database unreachable), to be answered as a problem document.
 */
@Path("/images")
@Produces({"image/png", "image/svg+xml"})
@Tag(name = "images", description = "Figures and collections as PNG and SVG")
public class ImageResource {

    private static final String SLUG = Slugs.IN_PATH;

    @GET
    @Path("s/" + SLUG + ".{format: png|svg}")
    @NonBlocking
    @Operation(summary = "A figure's card as a picture: w=240…1200 (CSS px), dpr=1|2 (PNG), theme, lang, accent, v")
    public Response stat(
            @PathParam("slug") String slug,
            @PathParam("format") String format,
            @QueryParam("w") String w,
            @QueryParam("dpr") String dpr,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @Context RoutingContext routing) {
        throw refusal(format, false, w, dpr, theme, lang, accent, v, routing);
    }

    @GET
    @Path("s/" + SLUG + "/social.{format: png|svg}")
    @NonBlocking
    @Operation(summary = "A figure's 1200×630 social picture (og:image): theme, lang, accent, v")
    public Response statSocial(
            @PathParam("slug") String slug,
            @PathParam("format") String format,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @Context RoutingContext routing) {
        throw refusal(format, true, null, null, theme, lang, accent, v, routing);
    }

    @GET
    @Path("c/" + SLUG + ".{format: png|svg}")
    @NonBlocking
    @Operation(summary = "A collection's card as a picture: w, dpr, theme, lang, accent")
    public Response collection(
            @PathParam("slug") String slug,
            @PathParam("format") String format,
            @QueryParam("w") String w,
            @QueryParam("dpr") String dpr,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @Context RoutingContext routing) {
        throw refusal(format, false, w, dpr, theme, lang, accent, null, routing);
    }

    @GET
    @Path("c/" + SLUG + "/social.{format: png|svg}")
    @NonBlocking
    @Operation(summary = "A collection's 1200×630 social picture: theme, lang, accent")
    public Response collectionSocial(
            @PathParam("slug") String slug,
            @PathParam("format") String format,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @Context RoutingContext routing) {
        throw refusal(format, true, null, null, theme, lang, accent, null, routing);
    }

    /** Why the route did not serve this picture: a malformed parameter (parsed again to say which), or its refusal. */
    private static RuntimeException refusal(
            String format,
            boolean social,
            String w,
            String dpr,
            String theme,
            String lang,
            String accent,
            String v,
            @Context RoutingContext routing) {
        ImageSpec.parse(format, social, w, dpr);
        CardOptions.parse(theme, lang, accent, v);
        Throwable refused = routing.get(EmbedRoutes.REFUSAL);
        if (refused instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ProblemException(400, "This picture's address cannot be read; check its query parameters.");
    }
}
