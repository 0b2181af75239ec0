package dev.statcallouts.permalink;

import java.util.List;

import dev.statcallouts.embed.CardPage;
import dev.statcallouts.embed.CardWords;
import dev.statcallouts.embed.EmbedSnippets;
import dev.statcallouts.embed.FigureCard;

/**
 * A permalink page: the card(s), sources, history and snippets, and the head that link
 * unfurlers and oEmbed consumers read.
 *
 * @param css trusted stylesheet, inlined raw
 * @param jsonLd schema.org JSON, already escaped for a script element, inlined raw
 */
public record PermalinkPage(
        String lang,
        String title,
        String description,
        String permalink,
        String embedUrl,
        String oembedJson,
        String oembedXml,
        String siteName,
        String css,
        String jsonLd,
        CardPage cards,
        List<PublicRevision> history,
        List<SeriesRow> series,
        List<EmbedSnippets.Labeled> snippets,
        CardWords words,
        List<Alternate> alternates,
        String image,
        String imageAlt,
        Citations citations,
        List<Share> shares,
        String dataCsv,
        String dataJson) {

    /** A plain link that shares the page on a network or by e-mail (no third-party script). */
    public record Share(String name, String href) {}

    /** The same page in another language the figure has words in ({@code hreflang}). */
    public record Alternate(String lang, String href) {}

    /**
     * One revision as the public history lists it, in the page's language: its label, date and
     * figure already worded (the editors' history, StatService.HistoryEntry, has editors and changes).
     */
    public record PublicRevision(String revision, String kind, String date, String note, String figure) {}

    /** One value of the figure's series, newest first: when it held and what it was. */
    public record SeriesRow(String asOf, String value) {}

    public FigureCard card() {
        return cards.cards().get(0);
    }
}
