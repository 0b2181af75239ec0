package dev.statcallouts.editor.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.statcallouts.auth.Roles;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.FieldError;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.editor.EditorAccount;
import dev.statcallouts.editor.FigureForm;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.editor.service.EditorEmbeds;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedSnippets;
import dev.statcallouts.embed.RenderedPage;
import dev.statcallouts.http.Problems;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.rest.RetractInput;
import dev.statcallouts.stats.service.RevisionChanges;
import dev.statcallouts.stats.service.StatChecks;
import dev.statcallouts.stats.service.StatService;
import dev.statcallouts.stats.service.StatService.HistoryEntry;
import dev.statcallouts.usage.UsageService;
import dev.statcallouts.usage.UsageView;
import dev.statcallouts.usage.rest.UsageChart;
import dev.statcallouts.usage.rest.UsageResource;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The editors' figure pages: create and edit with inline validation and a live preview, the
 * figure's page with its embed panel, history (restore), retraction and where it is used.
 */
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class FigureEditorResource {

    private static final String SLUG = "{slug: " + Slugs.PATTERN + "}";
    private static final int USAGE_DAYS = 30;
    private static final String STALE_RETRACT =
            "Not retracted: someone else saved this figure meanwhile. Check what changed below and retract again.";

    /** Someone else's save that came between an editor's load and their save. */
    public record Conflict(String editor, String when, int revision, List<RevisionChanges.FieldChange> changes) {}

    /** One option of a select. */
    public record Option(String value, String label) {}

    /**
     * The create/edit form.
     *
     * @param interrupted why a save did not happen although nothing is wrong with the form
     * @param signedOut the session ended: the page is shown to nobody in particular
     */
    public record FormPage(SignedIn editor, FigureForm form, Conflict conflict, String interrupted, boolean signedOut) {

        FormPage(SignedIn editor, FigureForm form, Conflict conflict) {
            this(editor, form, conflict, null, false);
        }

        /** Who the page header shows: nobody once the session has ended. */
        public SignedIn header() {
            return signedOut ? null : editor;
        }

        public String title() {
            return form.isNew() ? "New figure" : "Edit " + form.slug();
        }

        public String action() {
            return form.isNew() ? "/editor/new-figure" : "/editor/figures/" + form.slug() + "/edit";
        }

        public List<Option> kinds() {
            return List.of(
                    new Option("currency", "currency (¥920 billion)"),
                    new Option("percent", "percent (65%)"),
                    new Option("multiplier", "multiplier (100x)"),
                    new Option("count", "count (1.2 million)"),
                    new Option("unit", "unit (2 nm)"));
        }

        public List<Option> qualifiers() {
            return List.of(
                    new Option("", "none"),
                    new Option("+", "+ after (100 million+)"),
                    new Option("~", "~ about"),
                    new Option("≥", "≥ at least"),
                    new Option("≤", "≤ at most"),
                    new Option(">", "> more than"),
                    new Option("<", "< less than"));
        }

        public List<Option> notations() {
            return List.of(
                    new Option("compact", "compact (920 billion)"), new Option("full", "full (920,000,000,000)"));
        }

        public List<String> languages() {
            return PREVIEW_LANGUAGES;
        }
    }

    /** The figure's own page. */
    public record FigurePage(
            SignedIn editor,
            StatView figure,
            String etag,
            String notice,
            String error,
            String retractError,
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

    /**
     * The embed panel's options and the snippets they produce.
     *
     * @param action the page the options are applied on
     * @param cardUrl the saved card (any status) the panel previews
     */
    public record EmbedPanel(
            String theme,
            String lang,
            boolean live,
            String cardQuery,
            List<EmbedSnippets.Labeled> snippets,
            String action,
            String cardUrl,
            boolean draft) {

        /** The panel for a page at {@code path} (whose card is at {@code path/card}) with these options. */
        static EmbedPanel of(
                String path, CardOptions options, boolean live, List<EmbedSnippets.Labeled> snippets, boolean draft) {
            return new EmbedPanel(
                    options.theme().name().toLowerCase(java.util.Locale.ROOT),
                    options.lang() == null ? "" : options.lang().toLanguageTag(),
                    live,
                    options.query(),
                    snippets,
                    path,
                    path + "/card",
                    draft);
        }

        /** The live option as a query parameter gives it: present, and not "false". */
        static boolean live(String parameter) {
            return parameter != null && !parameter.isBlank() && !parameter.equals("false");
        }

        public List<String> languages() {
            return PREVIEW_LANGUAGES;
        }

        public List<String> themes() {
            return List.of("light", "dark", "auto");
        }
    }

    /** A preview that cannot be drawn: why (the session), or what is wrong field by field. */
    public record PreviewProblems(String message, List<FieldError> errors) {}

    /** The languages offered to preview and embed in (a figure may be in any language). */
    static final List<String> PREVIEW_LANGUAGES = List.of("en", "ja", "de", "fr", "es");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance figure(FigurePage page);

        static native TemplateInstance previewProblems(PreviewProblems page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    StatService stats;

    @Inject
    StatChecks checks;

    @Inject
    FormChecks formChecks;

    @Inject
    CardRenderer renderer;

    @Inject
    EditorEmbeds embeds;

    @Inject
    UsageService usage;

    @Inject
    FormInterruption interruption;

    @GET
    @Path("new-figure")
    @Operation(summary = "The form for a new figure")
    public TemplateInstance newFigure() {
        return Templates.form(new FormPage(signedIn.get(), FigureForm.blank(), null));
    }

    @POST
    @Path("new-figure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    @KeepsTypedForm
    @Operation(summary = "Create a figure from the form")
    public Response create(MultivaluedMap<String, String> body) {
        return save(body, (editor, posted) -> {
            try {
                return saved(
                        stats.create(posted.input(), editor.username(), null)
                                .body()
                                .slug(),
                        "created");
            } catch (DomainException refused) {
                return refusedForm(refused, editor, posted.form());
            }
        });
    }

    @GET
    @Path("figures/" + SLUG + "/edit")
    @Operation(summary = "The form for editing a figure")
    public TemplateInstance edit(@PathParam("slug") String slug) {
        SignedIn editor = signedIn.get();
        Versioned<StatView> figure = stats.get(slug, null, true);
        return Templates.form(new FormPage(editor, FigureForm.of(figure.body(), figure.etag()), null));
    }

    @POST
    @Path("figures/" + SLUG + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    @KeepsTypedForm
    @Operation(summary = "Save the edit form as a new revision; refused when someone else saved meanwhile")
    public Response update(@PathParam("slug") String slug, MultivaluedMap<String, String> body) {
        return save(body, (editor, posted) -> conflictChecked(slug, editor, posted));
    }

    /** Saves an edit unless someone else saved since the form was opened. */
    private Response conflictChecked(String slug, SignedIn editor, Posted posted) {
        FigureForm form = posted.form();
        StatInput input = posted.input();
        try {
            stats.update(slug, input, ExpectedVersion.exactly(form.etag()), editor.username(), null);
            return saved(slug, "saved");
        } catch (DomainException.StaleVersion stale) {
            // Someone saved in between: keep everything typed, say what they changed, and base
            // the form on their version so that saving again is a deliberate overwrite.
            Versioned<List<HistoryEntry>> history = stats.history(slug);
            int base = form.baseRevision().matches("\\d{1,9}") ? Integer.parseInt(form.baseRevision()) : 0;
            List<HistoryEntry> newer =
                    history.body().stream().filter(h -> h.number() > base).toList();
            HistoryEntry latest = history.body().get(0);
            List<RevisionChanges.FieldChange> changes = new ArrayList<>();
            newer.forEach(h -> changes.addAll(0, h.changes()));
            return formPage(
                    409,
                    editor,
                    form.rebased(history.etag(), latest.number()),
                    new Conflict(latest.editor(), EditorFormats.when(latest.createdAt()), latest.number(), changes));
        } catch (DomainException refused) {
            return refusedForm(refused, editor, form);
        }
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    @KeepsTypedForm
    @Operation(summary = "The card the form would save, for the live preview (framed by the form only)")
    public Response preview(MultivaluedMap<String, String> body) {
        Optional<FormInterruption.Interrupted> interrupted = interruption.get();
        if (interrupted.isPresent()) {
            // In the preview frame a redirect to sign-in could not even be shown: say it there instead.
            return previewProblems(new PreviewProblems(
                    interrupted.get().signedOut()
                            ? "You were signed out, so the preview stopped. Save to keep what you typed."
                            : "You signed in again since this form was opened. Save once to pick up the new session.",
                    List.of()));
        }
        Posted posted = read(body);
        if (!posted.errors().isEmpty()) {
            return previewProblems(new PreviewProblems(null, posted.errors()));
        }
        CardOptions options =
                CardOptions.parse(body.getFirst("previewTheme"), body.getFirst("previewLang"), null, null);
        String slug = posted.form().slug().isBlank()
                ? "new-figure"
                : posted.form().slug().strip();
        return card(renderer.preview(stats.unsaved(posted.input(), slug), options));
    }

    @GET
    @Path("figures/" + SLUG)
    @Operation(summary = "A figure's page: card, embed panel, where used, history, retraction")
    public TemplateInstance figure(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("live") String live,
            @QueryParam("notice") String notice) {
        return figurePage(signedIn.get(), slug, theme, lang, live, notice, null, null);
    }

    @GET
    @Path("figures/" + SLUG + "/card")
    @Operation(summary = "A figure's saved card in any status (framed by the figure page)")
    public Response savedCard(
            @PathParam("slug") String slug, @QueryParam("theme") String theme, @QueryParam("lang") String lang) {
        return card(renderer.preview(slug, CardOptions.parse(theme, lang, null, null)));
    }

    @GET
    @Path("figures/" + SLUG + "/usage.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "Views per day of the last 30 days as an SVG chart")
    public Response usageChart(@PathParam("slug") String slug) {
        stats.get(slug, null, true);
        UsageChart chart = UsageChart.of(usage.usage(slug, USAGE_DAYS), LocalDate.now(ZoneOffset.UTC));
        return Response.ok(UsageResource.Templates.chart(chart).render(), "image/svg+xml")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                .build();
    }

    @POST
    @Path("figures/" + SLUG + "/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save an old revision's content as a new revision")
    public Response restore(
            @PathParam("slug") String slug, @FormParam("etag") String etag, @FormParam("revision") String revision) {
        SignedIn editor = signedIn.get();
        if (revision == null || !revision.matches("[1-9]\\d{0,8}")) {
            throw DomainException.malformed("revision", "must be a revision number");
        }
        try {
            // The ETag moves with every write: unchanged, the old revision said what the figure says now.
            if (stats.restore(slug, Integer.parseInt(revision), ExpectedVersion.exactly(etag), editor.username(), null)
                    .etag()
                    .equals(etag)) {
                return saved(slug, "unchanged");
            }
        } catch (DomainException refused) {
            return staleFigurePage(refused, editor, slug, "Not restored: someone else saved this figure meanwhile.");
        }
        return saved(slug, "restored");
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
        } catch (DomainException refused) {
            return staleFigurePage(refused, editor, slug, "Not deleted: someone else saved this draft meanwhile.");
        }
        return Response.seeOther(URI.create("/editor?notice=deleted")).build();
    }

    /** A write refused for a stale ETag (412) is the figure's page again, 409, saying so; other refusals go on. */
    private Response staleFigurePage(DomainException refused, SignedIn editor, String slug, String what) {
        if (Problems.status(refused) != 412) {
            throw refused;
        }
        return Response.status(409)
                .entity(figurePage(
                                editor,
                                slug,
                                null,
                                null,
                                null,
                                null,
                                what + " Check the history below and try again.",
                                null)
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    @POST
    @Path("figures/" + SLUG + "/retract")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Retract a figure with a reason shown on every card")
    public Response retract(
            @PathParam("slug") String slug, @FormParam("etag") String etag, @FormParam("reason") String reason) {
        SignedIn editor = signedIn.get();
        String error = formChecks.refusal(new RetractInput(reason));
        if (error == null) {
            try {
                stats.retract(slug, reason, ExpectedVersion.exactly(etag), editor.username(), null);
                return saved(slug, "retracted");
            } catch (DomainException refused) {
                if (Problems.status(refused) != 412) {
                    throw refused;
                }
                error = STALE_RETRACT;
            }
        }
        return Response.status(error.equals(STALE_RETRACT) ? 409 : 422)
                .entity(figurePage(editor, slug, null, null, null, null, null, error)
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .build();
    }

    private TemplateInstance figurePage(
            SignedIn editor,
            String slug,
            String theme,
            String lang,
            String live,
            String notice,
            String error,
            String retractError) {
        Versioned<StatView> figure = stats.get(slug, null, true);
        CardOptions options = CardOptions.parse(theme, lang, null, null);
        boolean isLive = EmbedPanel.live(live);
        EmbedPanel panel = EmbedPanel.of(
                "/editor/figures/" + slug,
                options,
                isLive,
                embeds.figure(slug, options, isLive),
                figure.body().status().equals("draft"));
        return Templates.figure(new FigurePage(
                editor,
                figure.body(),
                figure.etag(),
                noticeText(notice, figure.body()),
                error,
                retractError,
                stats.history(slug).body(),
                usage.usage(slug, USAGE_DAYS),
                panel));
    }

    /**
     * A save that cannot happen as posted although the form may be fine: the session ended
     * (an editor who left the form open past the session's lifetime), or the form was opened in
     * an earlier session (they signed in again meanwhile). If the browser says the post came from
     * our own page, the form comes back with everything typed and what to do; otherwise null, and
     * the post is refused like any other (a page elsewhere never gets its values shown here).
     */
    private Response keepIfInterrupted(MultivaluedMap<String, String> body) {
        Optional<FormInterruption.Interrupted> interrupted = interruption.get();
        if (interrupted.isEmpty()) {
            return null;
        }
        String csrf = body.getFirst("csrf");
        FigureForm form = FigureForm.read(body);
        if (interrupted.get().signedOut()) {
            SignedIn nobody = new SignedIn("", "", EditorAccount.Role.EDITOR, csrf == null ? "" : csrf);
            return formPage(
                    401,
                    new FormPage(
                            nobody,
                            form,
                            null,
                            "Not saved: you were signed out (your session "
                                    + "ended). Everything you typed is still here. Sign in again in a new tab, then come back to "
                                    + "this one and save.",
                            true));
        }
        return formPage(
                403,
                new FormPage(
                        interrupted.get().current(),
                        form,
                        null,
                        "Not saved yet: this form was opened before "
                                + "you last signed in. Everything you typed is still here; save again to save it.",
                        false));
    }

    /**
     * What every save of the figure form goes through first: an interrupted session keeps the
     * form ({@link EditorForms} has checked the CSRF token otherwise), invalid fields come back
     * marked; then {@code save}.
     */
    private Response save(MultivaluedMap<String, String> body, BiFunction<SignedIn, Posted, Response> save) {
        Response kept = keepIfInterrupted(body);
        if (kept != null) {
            return kept;
        }
        SignedIn editor = signedIn.get();
        Posted posted = read(body);
        if (!posted.errors().isEmpty()) {
            return formPage(422, editor, posted.form().withErrors(posted.errors()), null);
        }
        return save.apply(editor, posted);
    }

    /** A posted form, the API input it stands for, and what is wrong with it in the API's words. */
    private record Posted(FigureForm form, StatInput input, List<FieldError> errors) {}

    private Posted read(MultivaluedMap<String, String> body) {
        FigureForm form = FigureForm.read(body);
        List<FieldError> unparsed = new ArrayList<>();
        StatInput input = form.input(unparsed);
        return new Posted(form, input, checks.errors(input, unparsed));
    }

    private Response formPage(int status, SignedIn editor, FigureForm form, Conflict conflict) {
        return formPage(status, new FormPage(editor, form, conflict));
    }

    private static Response formPage(int status, FormPage page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(Templates.form(page).render())
                .build();
    }

    /** A refusal the service found (a slug taken, a slug changed) shown on the form, nothing lost. */
    private Response refusedForm(DomainException refused, SignedIn editor, FigureForm form) {
        if (refused.errors().isEmpty()) {
            throw refused;
        }
        return formPage(Problems.status(refused), editor, form.withErrors(refused.errors()), null);
    }

    /** After a write, the figure's page says what happened (a fixed code: no text from a link is shown). */
    private static Response saved(String slug, String notice) {
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

    private static Response previewProblems(PreviewProblems problems) {
        return Response.ok(Templates.previewProblems(problems).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'self'")
                .build();
    }

    /** A card for our own preview frames, under the card's CSP (which only lets our pages frame it). */
    static Response card(RenderedPage page) {
        return Response.ok(page.html())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header("Content-Security-Policy", page.csp())
                .build();
    }
}
