package dev.statcallouts.common;

/** PostgreSQL cannot store the NUL character (U+0000), so no text with one gets in anywhere. */
public final class NulCharacters {

    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacters() {}

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }
}
