package dev.statcallouts.stats;

import java.util.Locale;

/** What a card shows of a figure's series: nothing, the change since the previous value, or that with a sparkline. */
public enum Trend {
    NONE,
    CHANGE,
    SPARKLINE;

    public static final String PATTERN = "none|change|sparkline";

    /** Null is none. */
    public static Trend parse(String name) {
        return name == null || name.isBlank() ? NONE : valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
