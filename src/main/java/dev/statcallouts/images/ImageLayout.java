package dev.statcallouts.images;

import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/** Lays text out top to bottom in a column, wrapping it as Java2D measures it in the bundled fonts. */
final class ImageLayout {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private final double x;
    private final double width;
    private double y;
    final List<Drawing.Box> boxes = new ArrayList<>();
    final List<Drawing.Line> lines = new ArrayList<>();
    final List<Drawing.Trace> traces = new ArrayList<>();

    ImageLayout(double x, double y, double width) {
        this.x = x;
        this.y = y;
        this.width = width;
    }

    double y() {
        return y;
    }

    void gap(double pixels) {
        y += pixels;
    }

    /** A paragraph, wrapped to the column; at most {@code maxLines} lines, the last one ending in "…" if cut. */
    void paragraph(
            String text, float size, boolean bold, String color, double lineHeight, boolean struck, int maxLines) {
        paragraphAt(x, width, text, size, bold, color, lineHeight, struck, maxLines);
    }

    private void paragraphAt(
            double left,
            double columnWidth,
            String text,
            float size,
            boolean bold,
            String color,
            double lineHeight,
            boolean struck,
            int maxLines) {
        if (text == null || text.isBlank()) {
            return;
        }
        AttributedString styled = ImageFonts.styled(text, size, bold);
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), CONTEXT);
        int count = 0;
        while (measurer.getPosition() < text.length()) {
            int start = measurer.getPosition();
            TextLayout layout = measurer.nextLayout((float) columnWidth);
            String line = text.substring(start, measurer.getPosition()).strip();
            count++;
            if (count == maxLines && measurer.getPosition() < text.length()) {
                line = cut(line + " " + text.substring(measurer.getPosition()).strip(), size, bold, columnWidth);
            }
            double height = size * lineHeight;
            double baseline = y + (height - (layout.getAscent() + layout.getDescent())) / 2 + layout.getAscent();
            lines.add(new Drawing.Line(left, baseline, line, size, bold, color, struck));
            y += height;
            if (count == maxLines) {
                return;
            }
        }
    }

    /**
     * A sparkline drawn from its points in the card's {@code boxWidth}×{@code boxHeight} box,
     * scaled by {@code scale}, on a row of its own.
     */
    void trace(String points, double boxHeight, double scale, String color) {
        List<double[]> scaled = new ArrayList<>();
        for (String point : points.split(" ")) {
            String[] xy = point.split(",");
            scaled.add(new double[] {x + Double.parseDouble(xy[0]) * scale, y + Double.parseDouble(xy[1]) * scale});
        }
        traces.add(new Drawing.Trace(scaled, 1.5 * scale, color));
        y += boxHeight * scale;
    }

    /** A box behind the next {@code height} pixels of the column, padded around it. */
    void box(double top, double height, double pad, String color) {
        boxes.add(new Drawing.Box(x - pad, top - pad, width + 2 * pad, height + 2 * pad, color));
    }

    /** The largest size, up to {@code max}, at which the text fits on one line of the column (never below {@code min}). */
    float fit(String text, float max, float min, boolean bold) {
        double at100 = advance(text, 100f, bold);
        return (float) Math.max(min, Math.min(max, 100 * width / Math.max(1, at100)));
    }

    static double advance(String text, float size, boolean bold) {
        if (text.isEmpty()) {
            return 0;
        }
        return new TextLayout(ImageFonts.styled(text, size, bold).getIterator(), CONTEXT).getAdvance();
    }

    /** The text, cut with "…" where it stops fitting the width. */
    private static String cut(String text, float size, boolean bold, double width) {
        // The longest prefix that fits, found by halving: a context of 1000 characters takes ten measurements.
        int low = 0;
        int high = text.codePointCount(0, text.length());
        while (low < high) {
            int mid = (low + high + 1) / 2;
            String prefix = text.substring(0, text.offsetByCodePoints(0, mid)).stripTrailing();
            if (advance(prefix + "…", size, bold) <= width) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return text.substring(0, text.offsetByCodePoints(0, low)).stripTrailing() + "…";
    }
}
