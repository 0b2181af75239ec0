package dev.statcallouts.embed;

import java.util.List;

/**
 * Everything one figure's card shows, already formatted and in the card's language. Templates
 * escape every string of it.
 *
 * @param notices retraction and "newer version" notices, shown above the figure
 * @param retractedAs the words that mark a retracted figure in plain text ("Retracted figure"), or null
 * @param widthUnits the figure's width in average characters, which sizes it to fit its card
 * @param refs numbers of its sources in a collection's reference list (empty on a single card)
 * @param trend the change since the previous value ("up from 55% in 2023"), or null
 * @param sparkline its values over time, or null
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
        String retractedAs,
        double widthUnits,
        List<Integer> refs,
        String trend,
        Sparkline sparkline) {

    /**
     * A source as a card links it.
     *
     * @param via our own address that sends the reader on to it, for hosts that follow only
     *     links to the card's host (WordPress)
     */
    public record SourceLink(String name, String url, String dates, String via) {}

    public boolean retracted() {
        return retractedAs != null;
    }

    /** The same card, numbered into a collection's reference list. */
    public FigureCard withRefs(List<Integer> numbers) {
        return new FigureCard(
                slug,
                figure,
                label,
                context,
                sourceLabel,
                sources,
                meta,
                notices,
                currentUrl,
                viewCurrent,
                retractedAs,
                widthUnits,
                List.copyOf(numbers),
                trend,
                sparkline);
    }

    /** "¥920 billion: cumulative investment in Rapidus", the iframe title and page title. */
    public String title() {
        return figure + ": " + label;
    }

    /** The whole fact as one line of text, for the no-JS fallback and link previews; a retracted one says so first. */
    public String sentence() {
        return (retracted() ? retractedAs + ": " : "") + figure + " " + label + " (" + sourceLabel + ": "
                + String.join(", ", sources.stream().map(SourceLink::name).toList()) + ")";
    }
}
