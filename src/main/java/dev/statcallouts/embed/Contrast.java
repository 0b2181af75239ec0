package dev.statcallouts.embed;

import java.util.HexFormat;

/** WCAG contrast arithmetic, so an editor's accent colour never makes a card unreadable. */
public final class Contrast {

    /** AA for normal text; the figure is large text, for which 3:1 would do. */
    static final double MINIMUM = 4.5;

    private Contrast() {}

    /** The colour, darkened or lightened towards the background's opposite until it reaches AA on it. */
    public static String readable(String hex, String background) {
        int[] rgb = parse(hex);
        boolean darkBackground = luminance(parse(background)) < 0.5;
        int target = darkBackground ? 255 : 0;
        for (int step = 0; step < 20 && ratio(rgb, parse(background)) < MINIMUM; step++) {
            for (int i = 0; i < 3; i++) {
                rgb[i] = (int) Math.round(rgb[i] + (target - rgb[i]) * 0.15);
            }
        }
        return "#" + HexFormat.of().toHexDigits((byte) rgb[0]) + HexFormat.of().toHexDigits((byte) rgb[1])
                + HexFormat.of().toHexDigits((byte) rgb[2]);
    }

    static double ratio(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static int[] parse(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        return new int[] {
            Integer.parseInt(h.substring(0, 2), 16),
            Integer.parseInt(h.substring(2, 4), 16),
            Integer.parseInt(h.substring(4, 6), 16)
        };
    }
}
