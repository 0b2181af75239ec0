package dev.statcallouts.editor.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.statcallouts.collections.StatCollection;
import dev.statcallouts.common.DomainException;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.CardPage;
import dev.statcallouts.embed.CardRenderer;
import dev.statcallouts.embed.EmbedConfig;
import dev.statcallouts.embed.EmbedSnippets;
import dev.statcallouts.embed.FigureCard;
import dev.statcallouts.embed.FigureCards;
import dev.statcallouts.embed.Theme;
import dev.statcallouts.images.FigureImages;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.Stat;

/**
 * The snippets of the editors' embed panel: the permalink page's snippets with the reader
 * options an editor picked (theme, language, live updates) applied to every one of them.
 */
@ApplicationScoped
public class EditorEmbeds {

    /** The script label in the editors' panel, where the options are chosen above it. */
    private static final String SCRIPT_LABEL =
            "Script embed (replaces itself with the card; readable without JavaScript)";

    @Inject
    FigureCards cards;

    @Inject
    CardRenderer renderer;

    @Inject
    SiteConfig site;

    @Inject
    EmbedConfig embed;

    @Inject
    FigureImages images;

    /** A figure's snippets, whatever its status (a draft's snippets work once it is published). */
    @Transactional
    public List<EmbedSnippets.Labeled> figure(String slug, CardOptions options, boolean live) {
        Stat stat = Stat.findBySlugWithDetails(slug)
                .orElseThrow(() -> DomainException.notFound("No figure with slug '" + slug + "'."));
        FigureCard card = cards.card(stat, options);
        List<EmbedSnippets.Labeled> snippets = new ArrayList<>(EmbedSnippets.all(
                EmbedSnippets.figure(
                        card,
                        embedUrl("/embed/" + slug, options, live),
                        cards.permalink(slug),
                        scriptUrl(),
                        embed.defaultWidth(),
                        data(options, live)),
                SCRIPT_LABEL));
        snippets.add(EmbedSnippets.newsletter(
                cards.permalink(slug),
                picture("/images/s/" + slug + ".png", options, EmbedSnippets.NEWSLETTER_WIDTH, 2),
                card.sentence(),
                images.height(card, options, EmbedSnippets.NEWSLETTER_WIDTH)));
        return snippets;
    }

    /** A picture's address with the reader options (never a pinned revision) and its size. */
    private String picture(String path, CardOptions options, int width, int density) {
        String query = options.current().query();
        return site.publicUrl() + path + (query.isEmpty() ? "?" : query + "&") + "w=" + width + "&dpr=" + density;
    }

    /** A collection's snippets, whatever its status. */
    @Transactional
    public List<EmbedSnippets.Labeled> collection(String slug, CardOptions options, boolean live) {
        StatCollection collection = StatCollection.findBySlug(slug)
                .orElseThrow(() -> DomainException.notFound("No collection with slug '" + slug + "'."));
        String permalink = site.publicUrl() + "/c/" + slug;
        CardPage page = renderer.collectionPage(collection, options, permalink);
        return EmbedSnippets.all(
                EmbedSnippets.collection(
                        page,
                        embedUrl("/embed/c/" + slug, options, live),
                        permalink,
                        scriptUrl(),
                        embed.defaultWidth(),
                        data(options, live)),
                SCRIPT_LABEL);
    }

    private String embedUrl(String path, CardOptions options, boolean live) {
        String query = options.query();
        if (live) {
            query = query.isEmpty() ? "?live" : query + "&live";
        }
        return site.publicUrl() + path + query;
    }

    private String scriptUrl() {
        return site.publicUrl() + "/widgets/embed.js";
    }

    private static List<EmbedSnippets.Option> data(CardOptions options, boolean live) {
        List<EmbedSnippets.Option> data = new ArrayList<>();
        if (options.theme() != Theme.LIGHT) {
            data.add(new EmbedSnippets.Option("theme", options.theme().name().toLowerCase(Locale.ROOT)));
        }
        if (options.lang() != null) {
            data.add(new EmbedSnippets.Option("lang", options.lang().toLanguageTag()));
        }
        if (live) {
            data.add(new EmbedSnippets.Option("live", "true"));
        }
        return data;
    }
}
