package dev.statcallouts.editor.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.http.Problems;
import dev.statcallouts.stats.DisplayKind;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.RevisionChanges;
import dev.statcallouts.stats.service.StatChecks;
import dev.statcallouts.stats.service.StatService;
import dev.statcallouts.usage.UsageService;
import dev.statcallouts.usage.UsageView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The figure form: create, edit (refused with the other editor's changes named when someone saved
 * meanwhile) and its live preview. What was typed is never lost: invalid fields come back marked,
 * and a session that ended while the form was open gets the form back ({@link KeepsTypedForm}).
 */
@EditorPage
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class FigureFormResource {

    private static final String SLUG = Slugs.IN_PATH;

    /** Someone else's save that came between an editor's load and their save. */
    public record Conflict(String editor, String when, int revision, List<RevisionChanges.FieldChange> changes) {}

    /** One option of a select. */
    public record Option(String value, String label) {}

    /**
     * The create/edit form.
     *
     * @param interrupted why a save did not happen although nothing is wrong with the form
     * @param signedOut the session ended: the page is shown to nobody in particular
     * @param articles the pages that showed this figure lately, which a correction reaches
     */
    public record FormPage(
            SignedIn editor,
            FigureForm form,
            Conflict conflict,
            String interrupted,
            boolean signedOut,
            List<UsageView.PageViews> articles) {

        static FormPage of(SignedIn editor, FigureForm form) {
            return new FormPage(editor, form, null, null, false, List.of());
        }

        /** An existing figure's form, with the articles its change will reach. */
        static FormPage editing(SignedIn editor, FigureForm form, List<UsageView.PageViews> articles) {
            return new FormPage(editor, form, null, null, false, articles);
        }

        static FormPage conflicted(SignedIn editor, FigureForm form, Conflict conflict) {
            return new FormPage(editor, form, conflict, null, false, List.of());
        }

        /** The session ended while the form was open; the form keeps the token it was sent with. */
        static FormPage signedOut(FigureForm form, String csrf) {
            SignedIn nobody = new SignedIn("", "", EditorAccount.Role.EDITOR, csrf == null ? "" : csrf);
            return new FormPage(
                    nobody,
                    form,
                    null,
                    "Not saved: you were signed out (your session ended). Everything you typed is still here. "
                            + "Sign in again in a new tab, then come back to this one and save.",
                    true,
                    List.of());
        }

        /** The form was opened before the editor last signed in; it comes back with the new session's token. */
        static FormPage reopened(SignedIn current, FigureForm form) {
            return new FormPage(
                    current,
                    form,
                    null,
                    "Not saved yet: this form was opened before you last signed in. "
                            + "Everything you typed is still here; save again to save it.",
                    false,
                    List.of());
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
            return Arrays.stream(DisplayKind.values())
                    .map(kind -> new Option(kind.wireName(), kind.wireName() + " (" + kind.example + ")"))
                    .toList();
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
            return EmbedPanel.LANGUAGES;
        }

        public List<Option> currencyStyles() {
            return List.of(
                    new Option("", "the site's default"),
                    new Option("symbol", "symbol (¥920 billion)"),
                    new Option("code", "code (JPY 920 billion)"),
                    new Option("name", "name (920 billion Japanese Yen)"));
        }

        public List<Option> trends() {
            return List.of(
                    new Option("none", "none"),
                    new Option("change", "the change since the previous value (up from 55% in 2023)"),
                    new Option("sparkline", "that change and a small line of the values"));
        }

        public List<Option> precisions() {
            return List.of(
                    new Option("day", "a day (April 2, 2024)"),
                    new Option("month", "a month (November 2024)"),
                    new Option("quarter", "a quarter (Q3 2024)"),
                    new Option("year", "a year (2024)"));
        }

        public List<Integer> quarters() {
            return List.of(1, 2, 3, 4);
        }

        public List<Option> changeKinds() {
            return List.of(
                    new Option("edit", "Edit: wording only, the figure means the same (readers are not told)"),
                    new Option(
                            "correction",
                            "Correction: the figure was wrong (the card says “Corrected”, the note can be public)"),
                    new Option(
                            "update",
                            "Update: new data (the card says “Updated”; the old value stays in the figure's series)"));
        }
    }

    /** A preview that cannot be drawn: why (the session), or what is wrong field by field. */
    public record PreviewProblems(String message, List<FieldError> errors) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance previewProblems(PreviewProblems page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    UsageService usage;

    @Inject
    StatService stats;

    @Inject
    StatChecks checks;

    @Inject
    CardRenderer renderer;

    @Inject
    FormInterruption interruption;

    @GET
    @Path("new-figure")
    @Operation(summary = "The form for a new figure; from= fills it with a copy of that figure, to save as a new draft")
    public TemplateInstance newFigure(@QueryParam("from") String from) {
        if (!Slugs.isSlug(from)) {
            return Templates.form(FormPage.of(signedIn.get(), FigureForm.blank()));
        }
        return Templates.form(FormPage.of(
                signedIn.get(), FigureForm.copyOf(stats.get(from, null, true).body())));
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
                String slug = stats.create(posted.input(), editor.username(), null)
                        .body()
                        .slug();
                return FigureEditorResource.saved(slug, "created");
            } catch (DomainException refused) {
                return refusedForm(refused, editor, posted.form());
            }
        });
    }

    @GET
    @Path("figures/" + SLUG + "/edit")
    @Operation(summary = "The form for editing a figure")
    public TemplateInstance edit(@PathParam("slug") String slug) {
        Versioned<StatView> figure = stats.get(slug, null, true);
        return Templates.form(FormPage.editing(
                signedIn.get(),
                FigureForm.of(figure.body(), figure.etag()),
                usage.usage(slug, FigureEditorResource.USAGE_DAYS).pages()));
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
        try {
            stats.update(slug, posted.input(), ExpectedVersion.exactly(form.etag()), editor.username(), null);
            return FigureEditorResource.saved(slug, "saved");
        } catch (DomainException.StaleVersion stale) {
            // Someone saved in between: keep everything typed, say what they changed, and base
            // the form on their version so that saving again is a deliberate overwrite.
            int base = form.baseRevision().matches("\\d{1,9}") ? Integer.parseInt(form.baseRevision()) : 0;
            StatService.ChangesSince since = stats.changesSince(slug, base);
            Conflict conflict =
                    new Conflict(since.editor(), EditorFormats.when(since.at()), since.revision(), since.changes());
            return formPage(409, FormPage.conflicted(editor, form.rebased(since.etag(), since.revision()), conflict));
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
            return PreviewFrames.page(Templates.previewProblems(new PreviewProblems(
                    interrupted.get().signedOut()
                            ? "You were signed out, so the preview stopped. Save to keep what you typed."
                            : "You signed in again since this form was opened. Save once to pick up the new session.",
                    List.of())));
        }
        Posted posted = read(body);
        if (!posted.errors().isEmpty()) {
            return PreviewFrames.page(Templates.previewProblems(new PreviewProblems(null, posted.errors())));
        }
        CardOptions options =
                CardOptions.parse(body.getFirst("previewTheme"), body.getFirst("previewLang"), null, null);
        String slug = posted.form().slug().isBlank()
                ? "new-figure"
                : posted.form().slug().strip();
        return PreviewFrames.card(renderer.preview(stats.unsaved(posted.input(), slug), options));
    }

    /**
     * What every save of the figure form goes through first: an interrupted session gives the form
     * back ({@link EditorForms} has checked the CSRF token otherwise), invalid fields come back
     * marked; then {@code save}.
     */
    private Response save(MultivaluedMap<String, String> body, BiFunction<SignedIn, Posted, Response> save) {
        Optional<FormInterruption.Interrupted> interrupted = interruption.get();
        if (interrupted.isPresent()) {
            FigureForm form = FigureForm.read(body);
            return interrupted.get().signedOut()
                    ? formPage(401, FormPage.signedOut(form, body.getFirst("csrf")))
                    : formPage(403, FormPage.reopened(interrupted.get().current(), form));
        }
        SignedIn editor = signedIn.get();
        Posted posted = read(body);
        if (!posted.errors().isEmpty()) {
            return formPage(422, FormPage.of(editor, posted.form().withErrors(posted.errors())));
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

    /** A refusal the service found (a slug taken, a slug changed) shown on the form, nothing lost. */
    private static Response refusedForm(DomainException refused, SignedIn editor, FigureForm form) {
        if (refused.errors().isEmpty()) {
            throw refused;
        }
        return formPage(Problems.status(refused), FormPage.of(editor, form.withErrors(refused.errors())));
    }

    private static Response formPage(int status, FormPage page) {
        return Response.status(status).entity(Templates.form(page)).build();
    }
}
