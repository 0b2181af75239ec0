package dev.statcallouts.embed.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.http.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;

/**
 * The iframe documents as the API description lists them. {@link EmbedRoutes} serves every card
 * ahead of the REST layer; what it refuses a client that does not ask for HTML (a malformed
 * option, an unknown slug, the database unreachable) it hands on here, to be answered as a
 * problem document like every other refusal. Browsers get a card or a notice card instead.
 */
@Path("/embed")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "embeds", description = "Card documents for iframes")
public class EmbedResource {

    private static final String SLUG = Slugs.IN_PATH;

    @GET
    @Path(SLUG)
    @NonBlocking
    @Operation(summary = "A figure's card: theme=light|dark|auto, lang=<BCP 47>, accent=<hex>, v=<revision>")
    public Response stat(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @Context RoutingContext routing) {
        throw refusal(theme, lang, accent, v, routing);
    }

    @GET
    @Path("c/" + SLUG)
    @NonBlocking
    @Operation(summary = "A collection's cards with one reference list: theme, lang, accent")
    public Response collection(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("accent") String accent,
            @QueryParam("v") String v,
            @Context RoutingContext routing) {
        throw refusal(theme, lang, accent, v, routing);
    }

    /** Why the card route did not serve this card: a malformed option (parsed again to say which), or its refusal. */
    private static RuntimeException refusal(
            String theme, String lang, String accent, String v, RoutingContext routing) {
        CardOptions.parse(theme, lang, accent, v);
        Throwable refused = routing.get(EmbedRoutes.REFUSAL);
        if (refused instanceof RuntimeException runtime) {
            return runtime;
        }
        // The route could not even read the address (its query), though the REST layer could.
        return new ProblemException(400, "This card address cannot be read; check its query parameters.");
    }
}
