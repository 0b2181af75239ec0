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

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Hashes;
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
        return card(stat, options, "frame-ancestors *");
    }

    /**
     * The card of any figure, saved or not, drafts included: the editors' preview. Only our own
     * pages may frame it.
     */
    @Transactional
    public RenderedPage preview(Stat stat, CardOptions options) {
        return card(stat, options, "frame-ancestors 'self'");
    }

    /** A saved figure's card in any status, for the editors' pages. */
    @Transactional
    public RenderedPage preview(String slug, CardOptions options) {
        Stat stat = Stat.findBySlugWithDetails(slug)
                .orElseThrow(() -> DomainException.notFound("No figure with slug '" + slug + "'."));
        return preview(stat, options);
    }

    private RenderedPage card(Stat stat, CardOptions options, String frameAncestors) {
        FigureCard card = cards.card(stat, options, 0, List.of());
        String css = style(options, List.of(card));
        CardPage page = new CardPage(
                stat.slug,
                cards.locale(stat, options).toLanguageTag(),
                card.title(),
                cards.permalink(stat.slug),
                options.theme().cssClass(),
                css,
                assets.script(),
                List.of(card),
                List.of(),
                null);
        return RenderedPage.of(
                CardTemplates.card(page).render(),
                stat.updatedAt,
                csp(css, frameAncestors) + "; connect-src 'self'",
                page.lang());
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
                page.lang());
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
                page.lang());
    }

    public static StatCollection publicCollection(String slug) {
        return StatCollection.findBySlug(slug)
                .filter(c -> c.status == StatCollection.Status.PUBLISHED)
                .orElseThrow(() -> DomainException.notFound("No published collection with slug '" + slug + "'."));
    }

    /** A collection's cards with one numbered reference list, its sources in order of first use. */
    public CardPage collectionPage(StatCollection collection, CardOptions options, String permalink) {
        Map<String, CardPage.Reference> references = new LinkedHashMap<>();
        List<FigureCard> cells = new ArrayList<>();
        Locale lang = options.lang();
        for (Stat stat : collection.stats) {
            if (!stat.isPublic()) {
                continue;
            }
            FigureCard card = cards.card(stat, options, cells.size(), List.of());
            List<Integer> refs = new ArrayList<>();
            for (FigureCard.SourceLink source : card.sources()) {
                CardPage.Reference ref = references.computeIfAbsent(
                        source.url(),
                        url -> new CardPage.Reference(references.size() + 1, source.name(), url, source.dates()));
                refs.add(ref.number());
            }
            cells.add(new FigureCard(
                    card.slug(),
                    card.figure(),
                    card.label(),
                    card.context(),
                    card.sourceLabel(),
                    card.sources(),
                    card.meta(),
                    card.notices(),
                    card.currentUrl(),
                    card.viewCurrent(),
                    card.retracted(),
                    card.cssClass(),
                    card.widthUnits(),
                    refs));
            if (lang == null) {
                lang = cards.locale(stat, options);
            }
        }
        Locale locale = lang != null ? lang : Locale.ENGLISH;
        return new CardPage(
                collection.slug,
                locale.toLanguageTag(),
                collection.title,
                permalink,
                options.theme().cssClass(),
                style(options, cells),
                assets.script(),
                cells,
                List.copyOf(references.values()),
                CardLanguages.words(locale).sourcesAndReferences());
    }

    /** Our stylesheet plus this page's accent colours (made readable on both backgrounds) and figure widths. */
    public String style(CardOptions options, List<FigureCard> cards) {
        StringBuilder css = new StringBuilder(assets.css());
        String accent = "#" + options.accent();
        css.append(":root{--accent-l:")
                .append(Contrast.readable(accent, LIGHT_BACKGROUND))
                .append(";--accent-d:")
                .append(Contrast.readable(accent, DARK_BACKGROUND))
                .append('}');
        for (FigureCard card : cards) {
            css.append('.')
                    .append(card.cssClass())
                    .append("{--n:")
                    .append(Math.round(card.widthUnits() * 10) / 10.0)
                    .append('}');
        }
        return css.toString();
    }

    /** Nothing loaded from anywhere, only this page's own style and our script; framable as given. */
    public String csp(String css, String frameAncestors) {
        return "default-src 'none'; style-src " + Hashes.cspSource(css)
                + "; script-src " + assets.scriptHash() + "; img-src data:; base-uri 'none'; form-action 'none'; "
                + frameAncestors;
    }
}
