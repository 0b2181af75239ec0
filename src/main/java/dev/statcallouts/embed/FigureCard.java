package dev.statcallouts.embed;

import java.util.List;

/**
 * Everything one figure's card shows, already formatted and in the card's language. Templates
 * escape every string of it.
 *
 * @param cssClass the class carrying this figure's width (its --n) in the page's style
 * @param notices retraction and "newer version" notices, shown above the figure
 * @param refs numbers of its sources in a collection's reference list (empty on a single card)
 */
public record FigureCard(
        String slug,
        String figure,
        String label,
        String context,
        String sourceLabel,
        List<SourceLink> sources,
        String meta,
        List<String> notices,
        String currentUrl,
        String viewCurrent,
        boolean retracted,
        String cssClass,
        double widthUnits,
        List<Integer> refs) {

    /** A source as a card links it. */
    public record SourceLink(String name, String url, String dates) {}

    /** "¥920 billion: cumulative investment in Rapidus", the iframe title and page title. */
    public String title() {
        return figure + ": " + label;
    }

    /** The whole fact as one line of text, for the no-JS fallback and link previews. */
    public String sentence() {
        return figure + " " + label + " (" + sourceLabel + ": "
                + String.join(", ", sources.stream().map(SourceLink::name).toList()) + ")";
    }
}
