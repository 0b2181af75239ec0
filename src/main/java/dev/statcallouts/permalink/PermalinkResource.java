package dev.statcallouts.permalink;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Languages;
import dev.statcallouts.common.Slugs;
import dev.statcallouts.embed.CardLanguages;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardPage;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.CardWords;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.EmbedSnippets;
import dev.statcallouts.embed.FigureCard;
import dev.statcallouts.embed.FigureCards;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.ChangeKind;
import dev.statcallouts.stats.Series;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatRevision;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.csv.Csv;
import dev.statcallouts.stats.csv.StatCsv;
import dev.statcallouts.stats.service.PublicVersions;
import dev.statcallouts.stats.service.StatViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The pages an editor pastes: a figure's or collection's card with its sources, history and snippets. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "permalinks", description = "Pages with oEmbed discovery")
public class PermalinkResource {

    private static final String SLUG = Slugs.IN_PATH;
    private static final String PAGE_CSS = "body{margin:0;padding:24px 16px;background:#f5f6f8;color:#16181d}"
            + ".page{max-width:680px;margin:0 auto}.page section,.page details{margin-top:28px}"
            + ".page h2{font-size:17px;margin:0 0 8px}.page ol,.page ul.plain{padding-left:20px;font-size:15px}"
            + ".page li{margin:4px 0}.page .muted{color:#4a4f59}.page a{color:#0b57a4}"
            + ".page pre{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #d9dce1;"
            + "border-radius:4px;padding:8px;font-size:13px;margin:4px 0 0}.page label{font-weight:600;font-size:14px}"
            + ".page figure{margin:14px 0 0}.page figcaption{font-weight:600;font-size:14px;margin-bottom:4px}"
            + ".page footer{margin-top:32px;font-size:13px;color:#4a4f59}"
            + ".page table.series{border-collapse:collapse;font-size:15px;background:#fff}"
            + ".page .series th,.page .series td{text-align:left;padding:4px 14px 4px 8px;border-bottom:1px solid #d9dce1}"
            + ".page dl.cite{margin:0;font-size:15px}.page dl.cite dt{font-weight:600;font-size:14px;margin-top:10px}"
            + ".page dl.cite dd{margin:2px 0 0;overflow-wrap:anywhere}"
            + ".page ul.share{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:8px 16px;font-size:15px}"
            + ".page summary{cursor:pointer}.page summary h2{display:inline;margin:0}"
            + "@media (prefers-color-scheme:dark){body{background:#0e1014;color:#f3f4f6}.page .muted,.page footer{color:#b4bac4}"
            + ".page a{color:#8ab8ff}.page pre,.page table.series{background:#16181d;border-color:#3a3f48;color:#f3f4f6}"
            + ".page .series th,.page .series td{border-color:#3a3f48}}";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stat(PermalinkPage page);

        static native TemplateInstance collection(PermalinkPage page);
    }

    @Inject
    FigureCards cards;

    @Inject
    CardRenderer renderer;

    @Inject
    StatViews views;

    @Inject
    SiteConfig site;

    @Inject
    EmbedConfig embed;

    @Inject
    ObjectMapper json;

    @Inject
    PermalinkRenders renders;

    @Inject
    PublicVersions publicVersions;

    // The two pages read only, without a transaction (Hibernate's session lives for the request): its
    // begin and commit were a fifth of the CPU of a read that finds its page rendered already.
    @GET
    @Path("s/" + SLUG)
    @Operation(summary = "A figure's permalink page (lang= for its language)")
    public Response stat(@Context Request request, @PathParam("slug") String slug, @QueryParam("lang") String lang) {
        CardOptions options = options(lang);
        Stat.PublicVersion published = publicVersions.of(slug).orElseThrow(() -> FigureCards.notPublished(slug));
        PermalinkRenders.Rendered rendered = renders.get(published, options);
        if (rendered == null) {
            // Kept under the version it was read at, which a change since the question above may have moved on.
            Stat stat = FigureCards.publicStat(slug);
            rendered = render(stat, options);
            renders.keep(new Stat.PublicVersion(stat.id, stat.version), options, rendered);
        }
        return respond(request, rendered);
    }

    private PermalinkRenders.Rendered render(Stat stat, CardOptions options) {
        String slug = stat.slug;
        FigureCard card = cards.card(stat, options);
        Locale locale = cards.locale(stat, options);
        CardWords words = CardLanguages.words(locale);
        String permalink = cards.permalink(slug);
        String embedUrl = site.publicUrl() + "/embed/" + slug + options.query();
        CardPage cardPage = new CardPage(
                slug,
                locale.toLanguageTag(),
                card.title(),
                permalink,
                "t-light",
                renderer.style(options, List.of(card)),
                "",
                null,
                List.of(card),
                List.of(),
                null,
                null);

        DateTimeFormatter dates = FigureCards.dates(locale);
        List<StatRevision> revisions = StatRevision.listFor(stat);
        List<PermalinkPage.PublicRevision> history = new ArrayList<>();
        for (StatRevision revision : revisions) {
            // Edits (wording, no change in meaning) are the editors' business, as are notes not made public.
            if (!revision.announced()) {
                continue;
            }
            history.add(new PermalinkPage.PublicRevision(
                    words.revision(revision.number),
                    revision.change == ChangeKind.CORRECTION
                            ? words.correction()
                            : revision.change == ChangeKind.UPDATE ? words.update() : null,
                    dates.format(revision.createdAt.atZone(ZoneOffset.UTC)),
                    revision.publicNote(),
                    views.formatted(revision.snapshot, locale)));
        }
        List<Series.Point> points = Series.of(revisions, stat.revision).points();
        List<PermalinkPage.SeriesRow> series = new ArrayList<>();
        if (points.size() > 1) {
            for (int i = points.size() - 1; i >= 0; i--) {
                Series.Point point = points.get(i);
                series.add(new PermalinkPage.SeriesRow(
                        point.asOf() == null ? "" : FigureCards.period(point.asOf(), point.precision(), words, locale),
                        views.formatted(point.value(), point.display(), locale)));
            }
        }

        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Observation");
        ld.put("inLanguage", locale.toLanguageTag());
        ld.put("name", names(stat, locale));
        ld.put("description", card.context() != null ? card.context() : card.label());
        ld.put("url", permalink);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("@type", "QuantitativeValue");
        value.put("value", stat.value);
        String unit = switch (stat.displayKind) {
            case CURRENCY -> stat.currency;
            case PERCENT -> "percent";
            case MULTIPLIER -> "times";
            case COUNT -> null;
            case UNIT -> stat.unit;
        };
        if (unit != null) {
            value.put("unitText", unit);
        }
        ld.put("value", value);
        if (stat.asOf != null) {
            ld.put("observationDate", stat.asOf.toString());
        }
        ld.put("dateModified", stat.updatedAt.toString());
        ld.put(
                "citation",
                card.sources().stream()
                        .map(s -> Map.of("@type", "CreativeWork", "name", s.name(), "url", s.url()))
                        .toList());
        String description = (card.context() != null ? card.context() + " " : "") + card.sourceLabel() + ": "
                + String.join(
                        ", ",
                        card.sources().stream().map(FigureCard.SourceLink::name).toList());
        PermalinkPage page = page(
                card.title(),
                description,
                permalink,
                embedUrl,
                locale,
                cardPage,
                history,
                series,
                // A retracted figure is not to be embedded anew: no snippets for it.
                card.retracted()
                        ? List.of()
                        : snippets(EmbedSnippets.figure(
                                card, embedUrl, permalink, scriptUrl(), embed.defaultWidth(), List.of())),
                JsonLd.of(json, ld),
                words,
                alternates(stat, permalink),
                stat.updatedAt);
        return rendered(Templates.stat(page).render(), page);
    }

    /** What a permalink page reads from its query: its language only (PermalinkAddress keys it so). */
    static CardOptions options(String lang) {
        return CardOptions.parse(null, lang, null, null);
    }

    /**
     * Sends the reader on to a figure's source: the step through our host that lets a card's
     * source links work inside hosts that follow only links to it (WordPress's sandbox).
     * Only the figure's own sources, so this never redirects anywhere a request names.
     */
    @GET
    @Path("s/" + SLUG + "/sources/{n: [1-9][0-9]?[0-9]?}")
    @Transactional
    @Operation(summary = "Redirects (303) to a figure's n-th source, of revision v if given")
    @APIResponse(responseCode = "303", description = "To the source's own page (only URLs the figure cites)")
    public Response source(@PathParam("slug") String slug, @PathParam("n") int n, @QueryParam("v") String v) {
        Stat stat = FigureCards.publicStat(slug);
        FigureCard card = cards.card(stat, CardOptions.parse(null, null, null, v));
        if (n > card.sources().size()) {
            throw DomainException.notFound("Figure '" + slug + "' has no source " + n + ".");
        }
        // Stored sources were validated as absolute URIs (HttpUrl).
        return Response.seeOther(URI.create(card.sources().get(n - 1).url()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .build();
    }

    /** One public revision in the data download (a Response entity: registered for native). */
    @RegisterForReflection
    public record DataRevision(
            int revision,
            Instant savedAt,
            String change,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
            String formatted,
            LocalDate asOf,
            String asOfPrecision,
            String status,
            String note) {}

    /** A figure and its public history, as the permalink's data download gives them (registered for native). */
    @RegisterForReflection
    public record FigureData(
            String slug,
            String url,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value,
            String formatted,
            String label,
            String context,
            LocalDate asOf,
            String asOfPrecision,
            String locale,
            String status,
            List<SourceSpec> sources,
            List<DataRevision> history) {}

    @GET
    @Path("s/" + SLUG + "/data.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "A figure and its public history as JSON (what its page shows)")
    public Response dataJson(@PathParam("slug") String slug) {
        return download(data(slug), MediaType.APPLICATION_JSON, slug + ".json");
    }

    @GET
    @Path("s/" + SLUG + "/data.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "A figure's public history as CSV, newest first")
    public Response dataCsv(@PathParam("slug") String slug) {
        FigureData data = data(slug);
        StringBuilder csv = new StringBuilder(Csv.line(List.of(
                "revision", "saved_at", "change", "value", "formatted", "as_of", "as_of_precision", "status", "note")));
        for (DataRevision r : data.history()) {
            csv.append(Csv.line(Arrays.asList(
                    String.valueOf(r.revision()),
                    r.savedAt().toString(),
                    r.change(),
                    r.value().toPlainString(),
                    StatCsv.neutralised(r.formatted()),
                    r.asOf() == null ? null : r.asOf().toString(),
                    r.asOfPrecision(),
                    r.status(),
                    StatCsv.neutralised(r.note()))));
        }
        return download(csv.toString(), "text/csv;charset=utf-8", slug + ".csv");
    }

    private FigureData data(String slug) {
        Stat stat = FigureCards.publicStat(slug);
        StatSnapshot current = StatSnapshot.of(stat);
        Locale own = Locale.forLanguageTag(stat.locale);
        List<DataRevision> history = StatRevision.listFor(stat).stream()
                .filter(StatRevision::announced)
                .map(r -> new DataRevision(
                        r.number,
                        r.createdAt,
                        r.change == null ? null : r.change.id(),
                        r.snapshot.value(),
                        views.formatted(r.snapshot, own),
                        r.snapshot.asOf(),
                        r.snapshot.asOfPrecision(),
                        r.snapshot.status(),
                        r.publicNote()))
                .toList();
        return new FigureData(
                slug,
                cards.permalink(slug),
                current.value(),
                views.formatted(current, own),
                current.label(),
                current.context(),
                current.asOf(),
                current.asOfPrecision(),
                current.locale(),
                current.status(),
                current.sources(),
                history);
    }

    private static Response download(Object body, String type, String filename) {
        return Response.ok(body, type)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header("Access-Control-Allow-Origin", "*")
                .build();
    }

    @GET
    @Path("c/" + SLUG)
    @Operation(summary = "A collection's permalink page (lang= for its language)")
    public Response collection(
            @Context Request request, @PathParam("slug") String slug, @QueryParam("lang") String lang) {
        CardOptions options = options(lang);
        StatCollection.PublicVersion published =
                StatCollection.publicVersion(slug).orElseThrow(() -> CardRenderer.notPublished(slug));
        PermalinkRenders.Rendered rendered = renders.get(published, options);
        if (rendered == null) {
            StatCollection collection = CardRenderer.publicCollection(slug);
            rendered = render(collection, options);
            renders.keep(StatCollection.PublicVersion.of(collection), options, rendered);
        }
        return respond(request, rendered);
    }

    private PermalinkRenders.Rendered render(StatCollection collection, CardOptions options) {
        String slug = collection.slug;
        String permalink = site.publicUrl() + "/c/" + slug;
        String embedUrl = site.publicUrl() + "/embed/c/" + slug + options.query();
        CardPage cardPage = renderer.collectionPage(collection, options, permalink);
        Locale locale = Locale.forLanguageTag(cardPage.lang());
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "ItemList");
        ld.put("inLanguage", locale.toLanguageTag());
        ld.put("name", cardPage.title());
        ld.put("url", permalink);
        ld.put(
                "itemListElement",
                cardPage.cards().stream()
                        .map(c -> Map.of("@type", "ListItem", "name", c.title(), "url", cards.permalink(c.slug())))
                        .toList());
        String description = cardPage.description() != null ? cardPage.description() : cardPage.sentence();
        PermalinkPage page = page(
                cardPage.title(),
                description,
                permalink,
                embedUrl,
                locale,
                cardPage,
                List.of(),
                List.of(),
                snippets(EmbedSnippets.collection(
                        cardPage, embedUrl, permalink, scriptUrl(), embed.defaultWidth(), List.of())),
                JsonLd.of(json, ld),
                CardLanguages.words(locale),
                collectionAlternates(collection, permalink),
                collection.stats.stream()
                        .map(st -> st.updatedAt)
                        .reduce(collection.updatedAt, (x, y) -> x.isAfter(y) ? x : y));
        return rendered(Templates.collection(page).render(), page);
    }

    private PermalinkPage page(
            String title,
            String description,
            String permalink,
            String embedUrl,
            Locale locale,
            CardPage cardPage,
            List<PermalinkPage.PublicRevision> history,
            List<PermalinkPage.SeriesRow> series,
            List<EmbedSnippets.Labeled> snippets,
            String jsonLd,
            CardWords words,
            List<PermalinkPage.Alternate> alternates,
            Instant modified) {
        String oembed = site.publicUrl() + "/oembed?url=" + URLEncoder.encode(permalink, StandardCharsets.UTF_8);
        // The social picture of the same figure or collection, with the page's options (its language).
        String image = site.publicUrl() + "/images"
                + permalink.substring(site.publicUrl().length()) + "/social.png"
                + (embedUrl.contains("?") ? embedUrl.substring(embedUrl.indexOf('?')) : "");
        boolean figure = permalink.startsWith(site.publicUrl() + "/s/");
        String imageAlt = figure ? cardPage.cards().get(0).sentence() : cardPage.sentence();
        Citations citations = Citations.of(
                json,
                cardPage.slug(),
                title,
                site.name(),
                modified.atZone(ZoneOffset.UTC).toLocalDate(),
                permalink,
                cardPage.cards().stream()
                        .flatMap(c -> c.sources().stream().map(FigureCard.SourceLink::name))
                        .distinct()
                        .toList());
        return new PermalinkPage(
                locale.toLanguageTag(),
                title,
                description,
                permalink,
                embedUrl,
                oembed,
                oembed + "&format=xml",
                site.name(),
                cardPage.css() + PAGE_CSS,
                jsonLd,
                cardPage,
                history,
                series,
                snippets,
                words,
                alternates,
                image,
                imageAlt,
                citations,
                shares(title, imageAlt, permalink, words),
                figure ? permalink + "/data.csv" : null,
                figure ? permalink + "/data.json" : null);
    }

    /** Plain links to share a page by e-mail and on the big networks: no script of theirs runs here. */
    private static List<PermalinkPage.Share> shares(String title, String sentence, String permalink, CardWords words) {
        String url = encode(permalink);
        return List.of(
                new PermalinkPage.Share(
                        words.email(),
                        "mailto:?subject=" + encode(title) + "&body=" + encode(sentence + "\n\n" + permalink)),
                new PermalinkPage.Share("X", "https://twitter.com/intent/tweet?text=" + encode(title) + "&url=" + url),
                new PermalinkPage.Share(
                        "Bluesky", "https://bsky.app/intent/compose?text=" + encode(title + " " + permalink)),
                new PermalinkPage.Share("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + url),
                new PermalinkPage.Share("Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url));
    }

    /** Percent-encoding for a query value; spaces as %20, which mail clients read too. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The figure's name ("¥920 billion: cumulative investment in Rapidus") in each language it has
     * words in, tagged with its language (JSON-LD value objects), the page's language first.
     */
    private List<Map<String, String>> names(Stat stat, Locale page) {
        StatSnapshot snapshot = StatSnapshot.of(stat);
        Map<String, String> byLanguage = new LinkedHashMap<>();
        byLanguage.put(page.getLanguage(), null);
        byLanguage.put(Locale.forLanguageTag(stat.locale).getLanguage(), snapshot.label());
        snapshot.translations().forEach((lang, words) -> byLanguage.put(lang, words.label()));
        List<Map<String, String>> names = new ArrayList<>();
        byLanguage.forEach((lang, label) -> {
            Locale locale = lang.equals(Locale.forLanguageTag(stat.locale).getLanguage())
                    ? Locale.forLanguageTag(stat.locale)
                    : Locale.forLanguageTag(lang);
            names.add(Map.of(
                    "@language", locale.toLanguageTag(), "@value", views.formatted(snapshot, locale) + ": " + label));
        });
        return names;
    }

    /** The page in each language the figure has words in: its own (the plain permalink) and each translation. */
    private static List<PermalinkPage.Alternate> alternates(Stat stat, String permalink) {
        if (stat.translations.isEmpty()) {
            return List.of();
        }
        List<PermalinkPage.Alternate> alternates = new ArrayList<>();
        alternates.add(new PermalinkPage.Alternate(stat.locale, permalink));
        stat.translations.keySet().stream()
                .sorted()
                .forEach(lang -> alternates.add(new PermalinkPage.Alternate(lang, permalink + "?lang=" + lang)));
        alternates.add(new PermalinkPage.Alternate("x-default", permalink));
        return alternates;
    }

    /** The collection's page in each card language it and all its figures have words in, beside its own. */
    private List<PermalinkPage.Alternate> collectionAlternates(StatCollection collection, String permalink) {
        String own = Locale.forLanguageTag(collection.locale).getLanguage();
        List<PermalinkPage.Alternate> alternates = new ArrayList<>();
        for (Locale language : Languages.SUPPORTED) {
            if (!language.getLanguage().equals(own) && renderer.language(collection, language) != null) {
                alternates.add(new PermalinkPage.Alternate(
                        language.getLanguage(), permalink + "?lang=" + language.getLanguage()));
            }
        }
        if (alternates.isEmpty()) {
            return List.of();
        }
        alternates.add(0, new PermalinkPage.Alternate(collection.locale, permalink));
        alternates.add(new PermalinkPage.Alternate("x-default", permalink));
        return alternates;
    }

    private String scriptUrl() {
        return site.publicUrl() + "/widgets/embed.js";
    }

    private static List<EmbedSnippets.Labeled> snippets(EmbedSnippets.Snippet snippet) {
        return EmbedSnippets.all(snippet, "Script embed (add data-theme, data-lang, data-live as you like)");
    }

    /** The page's bytes with the headers that follow from them. */
    private static PermalinkRenders.Rendered rendered(String html, PermalinkPage page) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new PermalinkRenders.Rendered(
                bytes,
                new EntityTag(Hashes.etag(bytes)),
                page.lang(),
                "<" + page.oembedJson() + ">; rel=\"alternate\"; type=\"application/json+oembed\", <" + page.oembedXml()
                        + ">; rel=\"alternate\"; type=\"text/xml+oembed\"",
                "default-src 'none'; style-src " + Hashes.cspSource(page.css())
                        // connect-src 'self': no script runs here, but crawlers' audits (Lighthouse)
                        // fetch /robots.txt from the page itself.
                        + "; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
                        + " frame-ancestors 'self'");
    }

    private static Response respond(Request request, PermalinkRenders.Rendered page) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(page.tag());
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(page.html(), MediaType.TEXT_HTML_TYPE.withCharset("utf-8"));
        // No title parameter: header values must stay ASCII, and titles are the editor's text.
        return response.tag(page.tag())
                .header(HttpHeaders.CONTENT_LANGUAGE, page.lang())
                .header("Link", page.link())
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60, stale-while-revalidate=600")
                .header("Content-Security-Policy", page.csp())
                .build();
    }
}
