package dev.statcallouts.embed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.CollectionTranslation;
import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Languages;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.Stat;

/** Renders card documents from the database: the cache-miss path of {@code /embed}. */
@ApplicationScoped
public class CardRenderer {

    private static final String LIGHT_BACKGROUND = "#ffffff";
    private static final String DARK_BACKGROUND = "#16181d";

    @Inject
    FigureCards cards;

    @Inject
    CardAssets assets;

    @Inject
    SiteConfig site;

    @Inject
    CardCache cache;

    /** The page a cache key stands for. */
    public RenderedPage render(CardCache.Key key) {
        return key.kind() == CardCache.Kind.STAT
                ? stat(key.slug(), key.options())
                : collection(key.slug(), key.options());
    }

    @Transactional
    public RenderedPage stat(String slug, CardOptions options) {
        Stat stat = cache.figure(slug, FigureCards::publicStat);
        return card(stat, options, "frame-ancestors *", List.of(slug), null);
    }

    /**
     * The card of any figure, saved or not, drafts included: the editors' preview. Only our own
     * pages may frame it.
     */
    @Transactional
    public RenderedPage preview(Stat stat, CardOptions options) {
        return card(stat, options, "frame-ancestors 'self'", List.of(), stat.value.toPlainString());
    }

    /** A saved figure's card in any status, for the editors' pages. */
    @Transactional
    public RenderedPage preview(String slug, CardOptions options) {
        Stat stat = Stat.findBySlugWithDetails(slug)
                .orElseThrow(() -> DomainException.notFound("No figure with slug '" + slug + "'."));
        return preview(stat, options);
    }

    private RenderedPage card(
            Stat stat, CardOptions options, String frameAncestors, List<String> counted, String exactValue) {
        FigureCard card = cards.card(stat, options);
        String css = style(options, List.of(card));
        CardPage page = new CardPage(
                stat.slug,
                cards.locale(stat, options).toLanguageTag(),
                card.title(),
                cards.permalink(stat.slug),
                options.theme().cssClass(),
                css,
                assets.script(),
                null,
                List.of(card),
                List.of(),
                null,
                exactValue);
        return RenderedPage.of(
                CardTemplates.card(page).render(), stat.updatedAt, csp(css, frameAncestors), page.lang(), counted);
    }

    @Transactional
    public RenderedPage collection(String slug, CardOptions options) {
        if (options.revision() != null) {
            throw DomainException.malformed("v", "collections have no revisions");
        }
        StatCollection collection = publicCollection(slug);
        CardPage page = collectionPage(collection, options, site.publicUrl() + "/c/" + slug);
        Instant lastModified = collection.updatedAt;
        for (Stat stat : collection.stats) {
            if (stat.updatedAt.isAfter(lastModified)) {
                lastModified = stat.updatedAt;
            }
        }
        return RenderedPage.of(
                CardTemplates.collection(page).render(),
                lastModified,
                csp(page.css(), "frame-ancestors *"),
                page.lang(),
                page.cards().stream().map(FigureCard::slug).toList());
    }

    /** A collection's cards in any status, for the editors' pages; drafts among its figures are left out as on the public card. */
    @Transactional
    public RenderedPage previewCollection(String slug, CardOptions options) {
        StatCollection collection = StatCollection.findBySlug(slug)
                .orElseThrow(() -> DomainException.notFound("No collection with slug '" + slug + "'."));
        CardPage page = collectionPage(collection, options, site.publicUrl() + "/c/" + slug);
        return RenderedPage.of(
                CardTemplates.collection(page).render(),
                collection.updatedAt,
                csp(page.css(), "frame-ancestors 'self'"),
                page.lang(),
                List.of());
    }

    public static StatCollection publicCollection(String slug) {
        return StatCollection.findBySlug(slug)
                .filter(c -> c.status == StatCollection.Status.PUBLISHED)
                .orElseThrow(() -> notPublished(slug));
    }

    public static DomainException notPublished(String slug) {
        return DomainException.notFound("No published collection with slug '" + slug + "'.");
    }

    /**
     * A collection's cards with one numbered reference list, its sources in order of first use, in
     * one language: the one asked for where the collection and every figure have words in it, else
     * the collection's own where every figure has words in that, else each figure in its own.
     */
    public CardPage collectionPage(StatCollection collection, CardOptions asked, String permalink) {
        Locale language = language(collection, asked.lang());
        if (language == null) {
            language = language(collection, Locale.forLanguageTag(collection.locale));
        }
        CardOptions options = language == null ? asked.inOwnLanguages() : asked.inLanguage(language);
        Map<String, CardPage.Reference> references = new LinkedHashMap<>();
        List<FigureCard> cells = new ArrayList<>();
        Locale lang = options.lang();
        for (Stat stat : collection.stats) {
            if (!stat.isPublic()) {
                continue;
            }
            FigureCard card = cards.card(stat, options);
            List<Integer> refs = new ArrayList<>();
            for (FigureCard.SourceLink source : card.sources()) {
                CardPage.Reference ref = references.computeIfAbsent(
                        source.url(),
                        url -> new CardPage.Reference(
                                references.size() + 1, source.name(), url, source.dates(), source.via()));
                refs.add(ref.number());
            }
            cells.add(card.withRefs(refs));
            if (lang == null) {
                lang = cards.locale(stat, options);
            }
        }
        Locale locale = lang != null ? lang : Locale.forLanguageTag(collection.locale);
        CollectionTranslation translated = collection.translations.get(locale.getLanguage());
        return new CardPage(
                collection.slug,
                locale.toLanguageTag(),
                translated == null ? collection.title : translated.title,
                permalink,
                options.theme().cssClass(),
                style(options, cells) + CardHeight.columnsCss(cells.size()),
                assets.script(),
                translated == null ? collection.description : translated.description,
                cells,
                List.copyOf(references.values()),
                CardLanguages.words(locale).sourcesAndReferences(),
                null);
    }

    /** {@code language} (a card language) if the collection and each of its public figures have words in it, else null. */
    public Locale language(StatCollection collection, Locale language) {
        Locale supported = language == null ? null : Languages.parse(language.toLanguageTag());
        if (supported == null || !collection.speaks(supported.getLanguage())) {
            return null;
        }
        CardOptions asked = CardOptions.parse(null, supported.toLanguageTag(), null, null);
        boolean everyFigure = collection.stats.stream()
                .filter(Stat::isPublic)
                .allMatch(stat -> cards.locale(stat, asked).getLanguage().equals(supported.getLanguage()));
        return everyFigure ? supported : null;
    }

    /**
     * Our stylesheet plus this page's accent colours (made readable on both backgrounds) and the
     * width of its widest figure, which sizes every figure on the page alike.
     */
    public String style(CardOptions options, List<FigureCard> cards) {
        StringBuilder css = new StringBuilder(assets.css());
        String accent = "#" + options.accent();
        css.append(":root{--accent-l:")
                .append(Contrast.readable(accent, LIGHT_BACKGROUND))
                .append(";--accent-d:")
                .append(Contrast.readable(accent, DARK_BACKGROUND))
                .append(";--n:")
                .append(Math.round(widthUnits(cards) * 10) / 10.0)
                .append('}');
        return css.toString();
    }

    /**
     * The small card an article shows where this card cannot be: the figure or collection is not
     * (or no longer) published, or cannot be read just now ({@code unavailable}). Needs no database.
     */
    public RenderedPage notice(CardCache.Kind kind, String slug, CardOptions options, boolean unavailable) {
        Locale lang = options.lang() != null ? options.lang() : Locale.ENGLISH;
        CardWords words = CardLanguages.words(lang);
        boolean collection = kind == CardCache.Kind.COLLECTION;
        String message = unavailable
                ? words.temporarilyUnavailable()
                : collection ? words.collectionUnavailable() : words.figureUnavailable();
        String css = style(options, List.of());
        CardNotice notice = new CardNotice(
                slug,
                lang.toLanguageTag(),
                message,
                words.seeOnSite(site.name()),
                site.publicUrl() + (collection ? "/c/" : "/s/") + slug,
                css,
                assets.script());
        return RenderedPage.of(
                CardTemplates.notice(notice).render(),
                Instant.now(),
                csp(css, "frame-ancestors *"),
                notice.lang(),
                List.of());
    }

    /** The widest figure's width in characters: the one that must fit. */
    static double widthUnits(List<FigureCard> cards) {
        return cards.stream().mapToDouble(FigureCard::widthUnits).max().orElse(1);
    }

    /** Nothing loaded from anywhere, only this page's own style and our script (which may fetch the live card); framable as given. */
    public String csp(String css, String frameAncestors) {
        return "default-src 'none'; style-src " + Hashes.cspSource(css)
                + "; script-src " + assets.scriptHash()
                + "; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                + frameAncestors;
    }
}
