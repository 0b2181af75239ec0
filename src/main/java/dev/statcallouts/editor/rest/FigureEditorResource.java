package dev.statcallouts.editor.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.editor.service.EditorEmbeds;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.rest.RetractInput;
import dev.statcallouts.stats.service.StatService;
import dev.statcallouts.stats.service.StatService.HistoryEntry;
import dev.statcallouts.usage.UsageService;
import dev.statcallouts.usage.UsageView;
import dev.statcallouts.usage.rest.UsageChart;
import dev.statcallouts.usage.rest.UsageResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * A figure's page in the editor: its saved card with the embed panel, where it is used, its
 * history (restore), retraction, and deleting a draft that was never published. The form that
 * creates and edits figures is {@link FigureFormResource}.
 */
@EditorPage
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class FigureEditorResource {

    private static final String SLUG = Slugs.IN_PATH;
    static final int USAGE_DAYS = 30;

    /** The figure's own page. */
    public record FigurePage(
            SignedIn editor,
            StatView figure,
            String etag,
            Messages messages,
            List<HistoryEntry> history,
            UsageView usage,
            EmbedPanel embed) {

        /** Readers never saw it, so it may go for good: by an admin or the editor who created it. */
        public boolean deletable() {
            return figure.publishedAt() == null
                    && (editor.role() == EditorAccount.Role.ADMIN
                            || history.get(history.size() - 1).editor().equals(editor.username()));
        }
    }

    /** What the figure page says above its sections: what just happened, or why a change was refused. */
    public record Messages(String notice, String error, String retractError) {

        static final Messages NONE = new Messages(null, null, null);

        static Messages error(String error) {
            return new Messages(null, error, null);
        }

        static Messages retractError(String error) {
            return new Messages(null, null, error);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance figure(FigurePage page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    StatService stats;

    @Inject
    FormChecks formChecks;

    @Inject
    CardRenderer renderer;

    @Inject
    EditorEmbeds embeds;

    @Inject
    UsageService usage;

    @GET
    @Path("figures/" + SLUG)
    @Operation(summary = "A figure's page: card, embed panel, where used, history, retraction")
    public TemplateInstance figure(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("live") String live,
            @QueryParam("notice") String notice) {
        CardOptions options = CardOptions.parse(theme, lang, null, null);
        return figurePage(slug, options, EmbedPanel.live(live), notice, Messages.NONE);
    }

    @GET
    @Path("figures/" + SLUG + "/card")
    @Operation(summary = "A figure's saved card in any status (framed by the figure page)")
    public Response savedCard(
            @PathParam("slug") String slug, @QueryParam("theme") String theme, @QueryParam("lang") String lang) {
        return PreviewFrames.card(renderer.preview(slug, CardOptions.parse(theme, lang, null, null)));
    }

    @GET
    @Path("figures/" + SLUG + "/usage.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "Views per day of the last 30 days as an SVG chart")
    public Response usageChart(@PathParam("slug") String slug) {
        stats.get(slug, null, true);
        UsageChart chart = UsageChart.of(usage.usage(slug, USAGE_DAYS), LocalDate.now(ZoneOffset.UTC));
        return Response.ok(UsageResource.Templates.chart(chart), "image/svg+xml")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    @POST
    @Path("figures/" + SLUG + "/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save an old revision's content as a new revision")
    public Response restore(
            @PathParam("slug") String slug, @FormParam("etag") String etag, @FormParam("revision") String revision) {
        if (revision == null || !revision.matches("[1-9]\\d{0,8}")) {
            throw DomainException.malformed("revision", "must be a revision number");
        }
        try {
            Versioned<StatView> restored = stats.restore(
                    slug,
                    Integer.parseInt(revision),
                    ExpectedVersion.exactly(etag),
                    signedIn.get().username(),
                    null);
            // The ETag moves with every write: unchanged, the old revision said what the figure says now.
            return saved(slug, restored.etag().equals(etag) ? "unchanged" : "restored");
        } catch (DomainException.StaleVersion stale) {
            return staleFigurePage(slug, "Not restored: someone else saved this figure meanwhile.");
        }
    }

    @POST
    @Path("figures/" + SLUG + "/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Delete a draft that was never published, with its history")
    public Response deleteDraft(@PathParam("slug") String slug, @FormParam("etag") String etag) {
        SignedIn editor = signedIn.get();
        try {
            stats.deleteDraft(
                    slug, ExpectedVersion.exactly(etag), editor.username(), editor.role() == EditorAccount.Role.ADMIN);
        } catch (DomainException.StaleVersion stale) {
            return staleFigurePage(slug, "Not deleted: someone else saved this draft meanwhile.");
        }
        return Response.seeOther(URI.create("/editor?notice=deleted")).build();
    }

    @POST
    @Path("figures/" + SLUG + "/retract")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Retract a figure with a reason shown on every card")
    public Response retract(
            @PathParam("slug") String slug, @FormParam("etag") String etag, @FormParam("reason") String reason) {
        String error = formChecks.refusal(new RetractInput(reason));
        if (error != null) {
            return Response.status(422)
                    .entity(figurePage(slug, Messages.retractError(error)))
                    .build();
        }
        try {
            stats.retract(
                    slug, reason, ExpectedVersion.exactly(etag), signedIn.get().username(), null);
            return saved(slug, "retracted");
        } catch (DomainException.StaleVersion stale) {
            return Response.status(409)
                    .entity(figurePage(
                            slug,
                            Messages.retractError("Not retracted: someone else saved this figure "
                                    + "meanwhile. Check what changed below and retract again.")))
                    .build();
        }
    }

    /** A write refused because someone saved first: the figure's page again, 409, saying so. */
    private Response staleFigurePage(String slug, String what) {
        return Response.status(409)
                .entity(figurePage(slug, Messages.error(what + " Check the history below and try again.")))
                .build();
    }

    private TemplateInstance figurePage(String slug, Messages messages) {
        return figurePage(slug, CardOptions.parse(null, null, null, null), false, null, messages);
    }

    private TemplateInstance figurePage(
            String slug, CardOptions options, boolean live, String notice, Messages messages) {
        Versioned<StatView> figure = stats.get(slug, null, true);
        EmbedPanel panel = EmbedPanel.of(
                "/editor/figures/" + slug,
                options,
                live,
                embeds.figure(slug, options, live),
                figure.body().status().equals("draft"));
        String noticeText = noticeText(notice, figure.body());
        return Templates.figure(new FigurePage(
                signedIn.get(),
                figure.body(),
                figure.etag(),
                noticeText == null ? messages : new Messages(noticeText, messages.error(), messages.retractError()),
                stats.history(slug).body(),
                usage.usage(slug, USAGE_DAYS),
                panel));
    }

    /** After a write, the figure's page says what happened (a fixed code: no text from a link is shown). */
    static Response saved(String slug, String notice) {
        return Response.seeOther(URI.create("/editor/figures/" + slug + "?notice=" + notice))
                .build();
    }

    private static String noticeText(String code, StatView figure) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> "Created as revision 1.";
            case "saved" -> "Saved as revision " + figure.revision() + ".";
            case "restored" -> "Restored: revision " + figure.revision() + " now has the old content.";
            case "retracted" -> "Retracted. Every card now shows the reason.";
            case "unchanged" -> "Nothing to restore: that revision says the same as the current one.";
            default -> null;
        };
    }
}
