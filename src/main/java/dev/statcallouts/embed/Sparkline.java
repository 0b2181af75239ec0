package dev.statcallouts.embed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A tiny line of a figure's values, drawn as inline SVG (no script): the polyline's points in a
 * {@value #WIDTH}×{@value #HEIGHT} box, and one sentence that says the same to a screen reader.
 */
public record Sparkline(String points, String lastX, String lastY, String label) {

    public static final int WIDTH = 64;
    public static final int HEIGHT = 18;
    private static final double PAD = 2.5;

    /** At least two values, oldest first. */
    public static Sparkline of(List<BigDecimal> values, String label) {
        BigDecimal min = values.stream().min(BigDecimal::compareTo).orElseThrow();
        BigDecimal max = values.stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal range = max.subtract(min);
        StringBuilder points = new StringBuilder();
        double x = 0;
        double y = 0;
        for (int i = 0; i < values.size(); i++) {
            x = PAD + (WIDTH - 2 * PAD) * i / (values.size() - 1);
            // Exact decimals scaled in BigDecimal: values of any size give a share between 0 and 1.
            double share = range.signum() == 0
                    ? 0.5
                    : values.get(i)
                            .subtract(min)
                            .divide(range, 6, RoundingMode.HALF_UP)
                            .doubleValue();
            y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * share;
            points.append(i == 0 ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
        }
        return new Sparkline(points.toString(), coordinate(x), coordinate(y), label);
    }

    private static String coordinate(double c) {
        return String.format(Locale.ROOT, "%.1f", c);
    }
}
