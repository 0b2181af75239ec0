package dev.statcallouts.embed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The height a card will have at a given width, from the metrics of {@code widgets/card.css}.
 * Hosts that never resize an iframe (Drupal's oEmbed) size it from this, so it errs on the tall
 * side; the browser test holds it against the real rendering.
 */
public final class CardHeight {

    /** Narrowest width at which a card stays legible. */
    public static final int MIN_WIDTH = 120;

    private static final int BORDERS_X = 1 + 4;
    private static final int PADDING_X = 2 * 18;
    private static final int BORDERS_AND_PADDING_Y = 2 * 16 + 2;
    /** Average advance of a character in em; generous, since the reader's font is unknown. */
    private static final double EM_PER_CHAR = 0.56;

    private static final int SAFETY = 6;
    /** Where browsers break lines: at spaces and after hyphens. */
    private static final Pattern BREAKS = Pattern.compile(" |(?<=-)");

    private CardHeight() {}

    public static int estimate(FigureCard card, int width) {
        double content = Math.max(1, width - BORDERS_X - PADDING_X);
        double height = BORDERS_AND_PADDING_Y;
        for (String notice : card.notices()) {
            height += block(notice, 14, 1.4, content - 20) + 16 + 10;
        }
        double figure = Math.min(56, content / (card.widthUnits() * 0.62));
        height += Math.ceil(figure * 1.1);
        height += 4 + block(card.label(), 17, 1.3, content);
        height += 8
                + block(
                        card.sourceLabel() + ": "
                                + String.join(
                                        ", ",
                                        card.sources().stream()
                                                .map(FigureCard.SourceLink::name)
                                                .toList()),
                        13,
                        1.4,
                        content);
        if (card.context() != null) {
            height += 8 + block(card.context(), 14, 1.4, content);
        }
        if (card.meta() != null) {
            height += 6 + block(card.meta(), 13, 1.4, content);
        }
        return (int) Math.ceil(height) + SAFETY;
    }

    /** A collection: its title, the grid of cells (as many 180 px columns as fit), the reference list. */
    public static int estimateCollection(CardPage page, int width) {
        double content = Math.max(1, width - BORDERS_X - PADDING_X);
        int gap = 16;
        int columns = Math.max(1, (int) ((content + gap) / (180 + gap)));
        double cellWidth = (content - gap * (columns - 1)) / columns;
        double height = BORDERS_AND_PADDING_Y + block(page.title(), 17, 1.4, content) + 12;
        List<FigureCard> cards = page.cards();
        for (int row = 0; row < cards.size(); row += columns) {
            double tallest = 0;
            for (FigureCard card : cards.subList(row, Math.min(cards.size(), row + columns))) {
                // A cell is a card without its own border and padding.
                tallest = Math.max(
                        tallest,
                        estimate(card, (int) cellWidth + BORDERS_X + PADDING_X) - BORDERS_AND_PADDING_Y - SAFETY);
            }
            height += tallest + (row > 0 ? gap : 0);
        }
        height += 14 + block(page.sourcesHeading(), 13, 1.4, content) + 6;
        for (CardPage.Reference ref : page.references()) {
            height += block(ref.name() + (ref.dates().isEmpty() ? "" : ", " + ref.dates()), 13, 1.4, content - 20);
        }
        return (int) Math.ceil(height) + SAFETY;
    }

    /** Lines of wrapped text times line height; words are not split, so each line wastes a little. */
    private static double block(String text, double fontSize, double lineHeight, double width) {
        double lineWidth = 0;
        int lines = 1;
        for (String word : BREAKS.split(text)) {
            double w = (units(word) + 1) * fontSize * EM_PER_CHAR;
            if (lineWidth > 0 && lineWidth + w > width) {
                lines++;
                lineWidth = 0;
            }
            lineWidth += w;
            while (lineWidth > width) {
                lines++;
                lineWidth -= width;
            }
        }
        return Math.ceil(lines * fontSize * lineHeight);
    }

    /** Width of a text in average Latin characters: CJK and other wide characters count nearly double. */
    public static double units(String text) {
        double units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += isWide(text.charAt(i)) ? 1.8 : 1;
        }
        return units;
    }

    private static boolean isWide(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                || block == Character.UnicodeBlock.HIRAGANA
                || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.HANGUL_SYLLABLES
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }
}
