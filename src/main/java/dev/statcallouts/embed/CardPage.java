package dev.statcallouts.embed;

import java.util.List;

/**
 * One card document: the page around one figure's card, or around a collection's cards and
 * their shared reference list.
 *
 * @param css trusted stylesheet (our file plus validated colours and numbers), inlined raw
 * @param script trusted card script from {@code widgets/card.js}, inlined raw
 * @param description a collection's description (null for a single figure or none)
 * @param exactValue the figure's exact value, on the editors' preview only (null elsewhere), where
 *     the form says what it understood the typed value to be
 */
public record CardPage(
        String slug,
        String lang,
        String title,
        String permalink,
        String themeClass,
        String css,
        String script,
        String description,
        List<FigureCard> cards,
        List<Reference> references,
        String sourcesHeading,
        String exactValue) {

    /** A numbered entry of a collection's "Sources & References" list. */
    public record Reference(int number, String name, String url, String dates, String via) {}

    public FigureCard card() {
        return cards.get(0);
    }

    /** A collection as one line of text: its title, then each figure's sentence. */
    public String sentence() {
        return title + ": "
                + String.join("; ", cards.stream().map(FigureCard::sentence).toList());
    }
}
