package dev.statcallouts.embed;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The height a card will have at a given width, from the metrics of {@code widgets/card.css}
 * (kept in step with it by hand: the browser test holds this model against the real rendering).
 * Hosts that never resize an iframe (Drupal's oEmbed, a pasted iframe without its script) size it
 * from this, so it errs on the tall side. Also the collection's column layout, which the card's
 * stylesheet gets from {@link #columnsCss}.
 */
public final class CardHeight {

    /** Narrowest width at which a card stays legible. */
    public static final int MIN_WIDTH = 120;

    /** Narrowest host column we promise to fit: a height reserved for it fits every wider one. */
    public static final int NARROWEST_HOST = 320;

    /** At or below this width the card is compact (smaller padding and words), as in card.css. */
    private static final int COMPACT_WIDTH = 240;

    private static final int BORDERS_X = 1 + 4;
    private static final int BORDERS_Y = 2;
    /** Average advance of a character in em; generous, since the reader's font is unknown. */
    private static final double EM_PER_CHAR = 0.56;
    /** The same for the figure's heavy digits, as card.css sizes it (its {@code .62}). */
    private static final double FIGURE_EM_PER_CHAR = 0.62;

    private static final int CELL_MIN = 170;
    private static final int GAP = 16;

    private static final int SAFETY = 6;
    /** Where browsers break lines: at spaces and after hyphens. */
    private static final Pattern BREAKS = Pattern.compile(" |(?<=-)");

    private CardHeight() {}

    /** The sizes card.css gives a card of this width: padding, label, small print, context. */
    private record Metrics(int padX, int padY, double label, double small, double context) {
        static Metrics at(int width) {
            return width <= COMPACT_WIDTH ? new Metrics(12, 10, 14, 12, 13) : new Metrics(18, 16, 17, 13, 14);
        }

        double content(int width) {
            return Math.max(1, width - BORDERS_X - 2 * padX);
        }
    }

    public static int estimate(FigureCard card, int width) {
        Metrics m = Metrics.at(width);
        return (int) Math.ceil(2 * m.padY + BORDERS_Y + body(card, m, m.content(width), card.widthUnits())) + SAFETY;
    }

    /** A card's content without its frame: notices, figure, label, sources, context, meta. */
    private static double body(FigureCard card, Metrics m, double content, double widthUnits) {
        double height = 0;
        boolean first = true;
        for (String notice : card.notices()) {
            double size = card.retracted() && first ? m.label : m.context;
            height += block(notice, size, 1.4, content - 20, EM_PER_CHAR) + 16 + 10;
            first = false;
        }
        if (card.retracted()) {
            height += block(card.figure(), m.context, 1.1, content, FIGURE_EM_PER_CHAR);
            height += 4 + block(card.label(), m.context, 1.3, content, EM_PER_CHAR);
        } else {
            double figure = Math.max(m.label * 1.3, Math.min(56, content / (widthUnits * FIGURE_EM_PER_CHAR)));
            // Sized to fit one line at .62 em a character; where the floor makes it wrap, heavy digits run wider.
            height += block(card.figure(), figure, 1.1, content, figure > m.label * 1.3 ? FIGURE_EM_PER_CHAR : 0.7);
            height += 4 + block(card.label(), m.label, 1.3, content, EM_PER_CHAR);
        }
        if (card.trend() != null || card.sparkline() != null) {
            // The sparkline (18 px) sits on the first line, about as wide as 8 characters and the gap.
            String line = (card.sparkline() == null ? "" : "sparkline ") + (card.trend() == null ? "" : card.trend());
            height += 6 + Math.max(Sparkline.HEIGHT, block(line.strip(), m.small, 1.4, content, EM_PER_CHAR));
        }
        String sources = card.sourceLabel() + ": "
                + String.join(
                        ", ",
                        card.sources().stream().map(FigureCard.SourceLink::name).toList())
                + " [0]".repeat(card.refs().size());
        height += 8 + block(sources, m.small, 1.4, content, EM_PER_CHAR);
        if (card.context() != null) {
            height += 8 + block(card.context(), m.context, 1.4, content, EM_PER_CHAR);
        }
        if (card.meta() != null) {
            height += 6 + block(card.meta(), m.small, 1.4, content, EM_PER_CHAR);
        }
        return height;
    }

    /**
     * A collection: its title and description, the grid of cells (see {@link #columns}), the
     * reference list.
     */
    public static int estimateCollection(CardPage page, int width) {
        Metrics m = Metrics.at(width);
        double content = m.content(width);
        List<FigureCard> cards = page.cards();
        int columns = columns(cards.size(), width);
        double cellWidth = (content - GAP * (columns - 1)) / columns;
        double widthUnits = CardRenderer.widthUnits(cards);
        double height = 2 * m.padY + BORDERS_Y + block(page.title(), m.label, 1.4, content, EM_PER_CHAR) + 12;
        if (page.description() != null) {
            height += block(page.description(), m.context, 1.4, content, EM_PER_CHAR) + 8 + 14 - 12;
        }
        for (int row = 0; row < cards.size(); row += columns) {
            double tallest = 0;
            for (FigureCard card : cards.subList(row, Math.min(cards.size(), row + columns))) {
                tallest = Math.max(tallest, body(card, m, cellWidth, widthUnits));
            }
            height += tallest + (row > 0 ? GAP : 0);
        }
        height += 18 + 12 + 1 + block(page.sourcesHeading(), m.small, 1.4, content, EM_PER_CHAR) + 6;
        for (CardPage.Reference ref : page.references()) {
            height += block(
                    ref.name() + (ref.dates().isEmpty() ? "" : ", " + ref.dates()),
                    m.small,
                    1.4,
                    content - 20,
                    EM_PER_CHAR);
        }
        return (int) Math.ceil(height) + SAFETY;
    }

    /**
     * How many columns a collection of {@code count} figures has in a card {@code width} px
     * wide: as many cells of at least 170 px as fit, but never a count that leaves one figure
     * alone on the last row.
     */
    public static int columns(int count, int width) {
        double content = Metrics.at(width).content(width);
        int columns = 1;
        for (int k = 2; k <= count; k++) {
            if (balanced(count, k) && content >= minContent(k)) {
                columns = k;
            }
        }
        return columns;
    }

    /** The container queries (on the card) that give a collection's grid the columns {@link #columns} counts. */
    public static String columnsCss(int count) {
        StringBuilder css = new StringBuilder();
        for (int k = 2; k <= count; k++) {
            if (balanced(count, k)) {
                css.append("@container (min-width:")
                        .append(minContent(k))
                        .append("px){.grid{grid-template-columns:repeat(")
                        .append(k)
                        .append(",1fr)}}");
            }
        }
        return css.toString();
    }

    private static boolean balanced(int count, int columns) {
        return count % columns != 1;
    }

    /** The width of a card's content from which {@code columns} cells of {@link #CELL_MIN} px fit. */
    private static int minContent(int columns) {
        return columns * CELL_MIN + (columns - 1) * GAP;
    }

    /** Lines of wrapped text times line height; words are not split unless they are wider than a line. */
    private static double block(String text, double fontSize, double lineHeight, double width, double emPerChar) {
        double lineWidth = 0;
        int lines = 1;
        for (String word : BREAKS.split(text)) {
            double w = (units(word) + 1) * fontSize * emPerChar;
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
