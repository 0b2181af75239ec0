package dev.statcallouts.usage.rest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.usage.UsageService;
import dev.statcallouts.usage.UsageView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Where each figure is embedded, for editors (views per page and per day; nothing about readers). */
@Path("/api/stats/" + Slugs.IN_PATH + "/usage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
@RolesAllowed(Roles.READER)
@SecurityRequirement(name = "bearer")
public class UsageResource {

    @CheckedTemplate
    public static class Templates {
        /** {@code templates/UsageResource/chart.svg}, escaped as XML. */
        public static native TemplateInstance chart(UsageChart chart);
    }

    @Inject
    UsageService usage;

    @GET
    @Operation(summary = "Pages that embed the figure, with views and last seen, and views per day")
    public UsageView get(
            @PathParam("slug") String slug,
            @QueryParam("days")
                    @DefaultValue("30")
                    @Pattern(regexp = "\\d{1,3}", message = "must be a whole number")
                    @Min(1)
                    @Max(366)
                    String days) {
        return usage.usage(slug, Integer.parseInt(days));
    }

    @GET
    @Path("chart.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "Views per day as a small SVG bar chart")
    @APIResponse(
            responseCode = "200",
            description = "Views per day as an SVG chart",
            content = @Content(mediaType = "image/svg+xml", schema = @Schema(implementation = String.class)))
    public Response chart(
            @PathParam("slug") String slug,
            @QueryParam("days")
                    @DefaultValue("30")
                    @Pattern(regexp = "\\d{1,3}", message = "must be a whole number")
                    @Min(1)
                    @Max(366)
                    String days) {
        UsageChart chart = UsageChart.of(usage.usage(slug, Integer.parseInt(days)), LocalDate.now(ZoneOffset.UTC));
        return Response.ok(Templates.chart(chart), "image/svg+xml")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=60")
                .build();
    }
}
