package dev.statcallouts.embed;

import java.util.Locale;

/** Card colours: fixed light or dark, or following the reader's {@code prefers-color-scheme}. */
public enum Theme {
    LIGHT,
    DARK,
    AUTO;

    public String cssClass() {
        return "t-" + name().toLowerCase(Locale.ROOT);
    }
}
