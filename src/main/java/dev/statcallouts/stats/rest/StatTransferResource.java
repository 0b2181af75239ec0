package dev.statcallouts.stats.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.http.Problem;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.StatImportService;
import io.quarkus.security.identity.SecurityIdentity;

/** Figures in and out in bulk: CSV import (with a dry run), CSV and JSON export. */
@Path("/api/stats")
@Tag(name = "stats")
@SecurityRequirement(name = "bearer")
public class StatTransferResource {

    @Inject
    StatExports exports;

    @Inject
    StatImportService importer;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("import")
    @Consumes(StatExports.CSV)
    @Produces("application/json")
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            summary = "Import figures from CSV (the export's columns); dryRun=true only checks",
            description = "Every row is checked with the API's rules; if any row is invalid the answer is 422 "
                    + "listing each invalid cell by line and field, and nothing is written.")
    @APIResponse(
            responseCode = "200",
            description = "A dry run: what would be imported",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = StatImportService.ImportReport.class)))
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = StatImportService.ImportReport.class)))
    @APIResponse(
            responseCode = "422",
            description = "Some rows are invalid: every invalid cell, nothing imported",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ImportProblem.class)))
    public Response importCsv(String body, @QueryParam("dryRun") @DefaultValue("false") String dryRun) {
        if (!dryRun.equals("true") && !dryRun.equals("false")) {
            throw DomainException.malformed("dryRun", "must be true or false");
        }
        StatImportService.ImportReport report = importer.importCsv(
                body, dryRun.equals("true"), identity.getPrincipal().getName());
        return report.dryRun()
                ? Response.ok(report).build()
                : Response.created(URI.create("/api/stats?status=all"))
                        .entity(report)
                        .build();
    }

    @GET
    @Path("export.csv")
    @Produces(StatExports.CSV)
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Every figure (all statuses) as CSV, in the import's columns")
    @APIResponse(
            responseCode = "200",
            description = "Every figure, one per row",
            content = @Content(mediaType = "text/csv", schema = @Schema(implementation = String.class)))
    public Response exportCsv() {
        return exports.csv();
    }

    @GET
    @Path("export.json")
    @Produces("application/json")
    @RolesAllowed(Roles.READER)
    @Operation(summary = "Every figure (all statuses) as JSON")
    @APIResponse(
            responseCode = "200",
            description = "Every figure",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = StatView.class, type = SchemaType.ARRAY)))
    public Response exportJson() {
        return exports.json();
    }

    /** A refused import: 422 with every invalid cell (line, field, message), nothing written. */
    @ServerExceptionMapper
    public Response importRefused(StatImportService.RowsRefused e) {
        return Response.status(422)
                .type(Problem.MEDIA_TYPE)
                .entity(new ImportProblem(
                        "about:blank",
                        "Unprocessable Content",
                        422,
                        e.getMessage() + "; nothing was imported",
                        e.report.rows(),
                        e.report.errors()))
                .build();
    }

    /** The problem document of a refused import. */
    public record ImportProblem(
            String type, String title, int status, String detail, int rows, List<StatImportService.RowError> errors) {}
}
