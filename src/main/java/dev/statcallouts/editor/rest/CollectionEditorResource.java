package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import dev.statcallouts.collections.CollectionInput;
import dev.statcallouts.collections.CollectionView;
import dev.statcallouts.collections.CollectionWords;
import dev.statcallouts.collections.service.CollectionService;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.editor.service.EditorAuthService.SignedIn;
import dev.statcallouts.editor.service.EditorEmbeds;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.stats.InputText;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.service.StatQuery;
import dev.statcallouts.stats.service.StatService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The editors' collections: create, add, remove and reorder figures, preview, embed. */
@EditorPage
@Path("/editor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SIGNED_IN)
@Tag(name = "editor", description = "The editors' web UI")
public class CollectionEditorResource {

    private static final String SLUG = Slugs.IN_PATH;
    private static final String STALE =
            "Not saved: someone else changed this collection meanwhile. This is it as it is now; try again.";
    /** How many recent figures the "add a figure" suggestions offer. */
    private static final int SUGGESTIONS = 100;

    /** The collection list with the form for a new one. */
    public record CollectionsPage(
            SignedIn editor,
            Page<CollectionView> collections,
            List<StatView> figures,
            String notice,
            String error,
            String title,
            String slug,
            String first) {}

    /** One collection's page. */
    public record CollectionPage(
            SignedIn editor,
            CollectionView collection,
            String etag,
            String notice,
            String error,
            String find,
            List<StatView> found,
            EmbedPanel embed) {

        public int last() {
            return collection.stats().size() - 1;
        }

        /** A row of title and description per card language but the collection's own. */
        public List<WordsRow> translationRows() {
            String own = Locale.forLanguageTag(collection.locale()).getLanguage();
            return Languages.CODES.stream()
                    .filter(lang -> !lang.equals(own))
                    .map(lang -> {
                        CollectionWords words = collection.translations().get(lang);
                        return new WordsRow(
                                lang,
                                Locale.forLanguageTag(lang).getDisplayLanguage(Locale.forLanguageTag(lang)),
                                words == null ? "" : words.title(),
                                words == null || words.description() == null ? "" : words.description());
                    })
                    .toList();
        }

        /** Whether a figure found is in the collection already. */
        public boolean holds(String slug) {
            return collection.stats().stream().anyMatch(s -> s.slug().equals(slug));
        }
    }

    /** A collection's title and description in one more language, as its form shows them. */
    public record WordsRow(String lang, String languageName, String title, String description) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance collections(CollectionsPage page);

        static native TemplateInstance collection(CollectionPage page);
    }

    @Inject
    CurrentEditor signedIn;

    @Inject
    CollectionService collections;

    @Inject
    StatService stats;

    @Inject
    CardRenderer renderer;

    @Inject
    EditorEmbeds embeds;

    @Inject
    FormChecks checks;

    @GET
    @Path("collections")
    @Operation(summary = "The collections, most recently changed first, and a form for a new one")
    public TemplateInstance list(
            @QueryParam("page") @DefaultValue("1") String page, @QueryParam("notice") String notice) {
        int number = page.matches("\\d{1,6}") && Integer.parseInt(page) > 0 ? Integer.parseInt(page) : 1;
        return listPage(
                signedIn.get(),
                number,
                "deleted".equals(notice) ? "Collection deleted; its figures stay." : null,
                null,
                "",
                "",
                "");
    }

    @POST
    @Path("collections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a collection with its first figure")
    public Response create(
            @FormParam("title") String title, @FormParam("slug") String slug, @FormParam("first") String first) {
        SignedIn editor = signedIn.get();
        CollectionInput input = new CollectionInput(
                InputText.text(slug),
                InputText.orEmpty(title).strip(),
                null,
                List.of(InputText.orEmpty(first).strip()),
                "draft");
        String error = checks.refusal(input);
        if (error == null) {
            try {
                String created = collections
                        .create(input, editor.username(), null)
                        .body()
                        .slug();
                return Response.seeOther(URI.create("/editor/collections/" + created + "?notice=created"))
                        .build();
            } catch (DomainException refused) {
                error = FormChecks.refusal(refused);
            }
        }
        return Response.status(422)
                .entity(listPage(
                        editor,
                        1,
                        null,
                        error,
                        InputText.orEmpty(title),
                        InputText.orEmpty(slug),
                        InputText.orEmpty(first)))
                .build();
    }

    @GET
    @Path("collections/" + SLUG)
    @Operation(summary = "A collection's page: its figures in order, preview, embed panel")
    public TemplateInstance collection(
            @PathParam("slug") String slug,
            @QueryParam("theme") String theme,
            @QueryParam("lang") String lang,
            @QueryParam("live") String live,
            @QueryParam("find") String find,
            @QueryParam("notice") String notice) {
        return collectionPage(signedIn.get(), slug, theme, lang, live, noticeText(notice), null, find);
    }

    @GET
    @Path("collections/" + SLUG + "/card")
    @Operation(summary = "A collection's card in any status (framed by its page)")
    public Response card(
            @PathParam("slug") String slug, @QueryParam("theme") String theme, @QueryParam("lang") String lang) {
        return PreviewFrames.card(renderer.previewCollection(slug, CardOptions.parse(theme, lang, null, null)));
    }

    @POST
    @Path("collections/" + SLUG + "/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change a collection's title, description or status")
    public Response details(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        Map<String, CollectionWords> translations = new TreeMap<>();
        for (String lang : Languages.CODES) {
            String words = InputText.text(form.getFirst("translations[" + lang + "].title"));
            String about = InputText.text(form.getFirst("translations[" + lang + "].description"));
            if (words != null || about != null) {
                translations.put(lang, new CollectionWords(words, about));
            }
        }
        return change(
                slug,
                form.getFirst("etag"),
                "saved",
                current -> new CollectionInput(
                        null,
                        InputText.orEmpty(form.getFirst("title")).strip(),
                        form.getFirst("description"),
                        slugs(current),
                        InputText.text(form.getFirst("status")),
                        InputText.text(form.getFirst("locale")),
                        translations));
    }

    @POST
    @Path("collections/" + SLUG + "/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a figure at the end of a collection")
    public Response add(
            @PathParam("slug") String slug, @FormParam("etag") String etag, @FormParam("figure") String figure) {
        return change(
                slug,
                etag,
                "added",
                current -> withFigures(current, slugs -> {
                    slugs.add(InputText.orEmpty(figure).strip());
                    return slugs;
                }));
    }

    @POST
    @Path("collections/" + SLUG + "/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Move a figure up or down, or remove it")
    public Response move(
            @PathParam("slug") String slug,
            @FormParam("etag") String etag,
            @FormParam("figure") String figure,
            @FormParam("action") String action) {
        return change(
                slug,
                etag,
                "remove".equals(action) ? "removed" : "moved",
                current -> withFigures(current, slugs -> {
                    int at = slugs.indexOf(figure);
                    if (at < 0) {
                        throw DomainException.invalid("figure", "'" + figure + "' is not in this collection");
                    }
                    switch (InputText.orEmpty(action)) {
                        case "up" -> {
                            if (at > 0) {
                                slugs.add(at - 1, slugs.remove(at));
                            }
                        }
                        case "down" -> {
                            if (at < slugs.size() - 1) {
                                slugs.add(at + 1, slugs.remove(at));
                            }
                        }
                        case "remove" -> slugs.remove(at);
                        default -> throw DomainException.malformed("action", "must be up, down or remove");
                    }
                    return slugs;
                }));
    }

    @POST
    @Path("collections/" + SLUG + "/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Delete a collection (its figures stay)")
    public Response delete(@PathParam("slug") String slug, @FormParam("etag") String etag) {
        SignedIn editor = signedIn.get();
        try {
            collections.delete(slug, ExpectedVersion.exactly(etag));
        } catch (DomainException.StaleVersion stale) {
            return Response.status(409).entity(refusedPage(editor, slug, STALE)).build();
        }
        return Response.seeOther(URI.create("/editor/collections?notice=deleted"))
                .build();
    }

    /**
     * Applies one change ({@code next}, from the collection as it is) to the collection as the
     * editor last saw it ({@code etag}). Refusals come back on the collection's page.
     */
    private Response change(String slug, String etag, String notice, Function<CollectionView, CollectionInput> next) {
        SignedIn editor = signedIn.get();
        CollectionView current = collections.get(slug, true, null).body();
        String error;
        try {
            CollectionInput input = next.apply(current);
            error = checks.refusal(input);
            if (error == null) {
                collections.update(slug, input, ExpectedVersion.exactly(etag), editor.username(), null);
                return Response.seeOther(URI.create("/editor/collections/" + slug + "?notice=" + notice))
                        .build();
            }
        } catch (DomainException.NotFound missing) {
            throw missing;
        } catch (DomainException.StaleVersion stale) {
            return Response.status(409).entity(refusedPage(editor, slug, STALE)).build();
        } catch (DomainException refused) {
            error = FormChecks.refusal(refused);
        }
        return Response.status(422).entity(refusedPage(editor, slug, error)).build();
    }

    /** The collection as it is with its list of figures changed. */
    private static CollectionInput withFigures(CollectionView current, UnaryOperator<List<String>> change) {
        return new CollectionInput(
                null,
                current.title(),
                current.description(),
                change.apply(new ArrayList<>(slugs(current))),
                current.status());
    }

    private static List<String> slugs(CollectionView collection) {
        return collection.stats().stream().map(StatView::slug).toList();
    }

    private TemplateInstance listPage(
            SignedIn editor, int page, String notice, String error, String title, String slug, String first) {
        return Templates.collections(new CollectionsPage(
                editor, collections.list(true, page, 50, null), suggestions(), notice, error, title, slug, first));
    }

    /** The collection's page with the default panel options, saying why a change did not happen. */
    private TemplateInstance refusedPage(SignedIn editor, String slug, String error) {
        return collectionPage(editor, slug, null, null, null, null, error, null);
    }

    private TemplateInstance collectionPage(
            SignedIn editor,
            String slug,
            String theme,
            String lang,
            String live,
            String notice,
            String error,
            String find) {
        Versioned<CollectionView> collection = collections.get(slug, true, null);
        CardOptions options = CardOptions.parse(theme, lang, null, null);
        boolean isLive = EmbedPanel.live(live);
        EmbedPanel panel = EmbedPanel.of(
                "/editor/collections/" + slug,
                options,
                isLive,
                embeds.collection(slug, options, isLive),
                collection.body().status().equals("draft"));
        String text = find == null || find.isBlank()
                ? null
                : find.strip().substring(0, Math.min(200, find.strip().length()));
        List<StatView> found = text == null
                ? List.of()
                : stats.list(
                                new StatQuery(
                                        EnumSet.of(StatStatus.PUBLISHED, StatStatus.DRAFT), List.of(), text, 1, FOUND),
                                null)
                        .items();
        return Templates.collection(
                new CollectionPage(editor, collection.body(), collection.etag(), notice, error, text, found, panel));
    }

    /** How many figures a search on a collection's page offers. */
    private static final int FOUND = 10;

    private List<StatView> suggestions() {
        return stats.list(
                        new StatQuery(
                                EnumSet.of(StatStatus.PUBLISHED, StatStatus.DRAFT), List.of(), null, 1, SUGGESTIONS),
                        null)
                .items();
    }

    private static String noticeText(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "created" -> "Created as a draft. Add figures, then publish it.";
            case "saved" -> "Saved.";
            case "added" -> "Figure added.";
            case "moved" -> "Order saved.";
            case "removed" -> "Figure removed from the collection.";
            default -> null;
        };
    }
}
