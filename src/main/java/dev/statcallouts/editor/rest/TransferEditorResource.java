package dev.statcallouts.editor.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.http.Problems;
import dev.statcallouts.stats.csv.StatCsv;
import dev.statcallouts.stats.rest.StatExports;
import dev.statcallouts.stats.service.StatImportService;
import dev.statcallouts.stats.service.StatImportService.ImportReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** CSV import with a dry-run report, and CSV/JSON export, for signed-in editors. */
@EditorPage
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class TransferEditorResource {

    /** The import/export page, with the report of the last import or check when there is one. */
    public record TransferPage(SignedIn editor, ImportReport report, String error, String csv, List<String> header) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance transfer(TransferPage page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    StatImportService importer;

    @Inject
    StatExports exports;

    @GET
    @Path("transfer")
    @Operation(summary = "The import form and the export links")
    public TemplateInstance page() {
        return Templates.transfer(new TransferPage(signedIn.get(), null, null, "", StatCsv.HEADER));
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Check (dry run) or import figures from a CSV file or pasted CSV")
    public Response importCsv(
            @RestForm("csv") String pasted, @RestForm("file") FileUpload file, @RestForm("mode") String mode) {
        SignedIn editor = signedIn.get();
        String csv = pasted == null ? "" : pasted;
        String error = null;
        ImportReport report = null;
        int status = 200;
        try {
            if (file != null && file.size() > 0) {
                csv = utf8(file);
            }
            if (csv.isBlank()) {
                throw DomainException.invalid("csv", "choose a CSV file or paste CSV text");
            }
            report = importer.importCsv(csv, !"import".equals(mode), editor.username());
        } catch (StatImportService.RowsRefused refused) {
            report = refused.report;
            status = 422;
        } catch (DomainException refused) {
            error = refused.getMessage();
            status = Problems.status(refused);
        }
        return Response.status(status)
                .entity(Templates.transfer(new TransferPage(
                        editor,
                        report,
                        error,
                        report != null && !report.dryRun() && report.errors().isEmpty() ? "" : csv,
                        StatCsv.HEADER)))
                .build();
    }

    @GET
    @Path("export.csv")
    @Produces(StatExports.CSV)
    @Operation(summary = "Every figure as CSV, in the import's columns")
    public Response exportCsv() {
        return exports.csv();
    }

    @GET
    @Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every figure as JSON")
    public Response exportJson() {
        return exports.json();
    }

    private static String utf8(FileUpload file) {
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DomainException.malformed("file", "is not UTF-8 text; save the CSV as UTF-8 and try again");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
