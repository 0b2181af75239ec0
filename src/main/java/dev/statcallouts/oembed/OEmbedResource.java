package dev.statcallouts.oembed;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.http.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The oEmbed 1.0 provider endpoint, JSON or XML. */
@Path("/oembed")
@Tag(name = "oembed", description = "oEmbed 1.0 provider")
public class OEmbedResource {

    @CheckedTemplate
    static class Templates {
        /** {@code templates/OEmbedResource/oembed.xml}: XML escaping applies to every value. */
        static native TemplateInstance oembed(OEmbed oembed);
    }

    @Inject
    OEmbedService oembed;

    @GET
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
    @Operation(summary = "oEmbed for a /s/, /embed/, /c/ or /embed/c/ URL of this service")
    @APIResponse(
            responseCode = "200",
            description = "The oEmbed answer (rich)",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = OEmbed.class)),
                @Content(mediaType = "text/xml", schema = @Schema(implementation = String.class))
            })
    @APIResponse(
            responseCode = "501",
            description = "format is neither json nor xml",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response get(
            @QueryParam("url") String url,
            @QueryParam("format") String format,
            @QueryParam("maxwidth") String maxWidth,
            @QueryParam("maxheight") String maxHeight) {
        if (url == null || url.isBlank()) {
            throw DomainException.malformed("url", "is required");
        }
        boolean xml = "xml".equals(format);
        if (format != null && !xml && !"json".equals(format)) {
            throw new ProblemException(501, "format must be json or xml");
        }
        OEmbed answer = oembed.describe(url, dimension("maxwidth", maxWidth), dimension("maxheight", maxHeight));
        // Rendered here: as an entity the template would be sent as application/xml, not text/xml.
        Response.ResponseBuilder response = xml
                ? Response.ok(Templates.oembed(answer).render(), MediaType.TEXT_XML_TYPE.withCharset("utf-8"))
                : Response.ok(answer, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + OEmbedService.CACHE_AGE)
                .build();
    }

    private static Integer dimension(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("[0-9]{1,5}") || Integer.parseInt(value.strip()) == 0) {
            throw DomainException.malformed(name, "must be a positive whole number of pixels");
        }
        return Integer.valueOf(value.strip());
    }
}
