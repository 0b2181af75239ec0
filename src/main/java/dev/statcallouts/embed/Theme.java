package dev.statcallouts.embed;

/** Card colours: fixed light or dark, or following the reader's {@code prefers-color-scheme}. */
public enum Theme {
    LIGHT,
    DARK,
    AUTO;

    public String cssClass() {
        return "t-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
