package dev.statcallouts.embed;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.Languages;

/**
 * How a reader's card is asked for: {@code theme}, {@code lang}, {@code accent} (hex colour)
 * and {@code v} (a pinned revision). Every combination is its own cached rendering.
 *
 * @param lang null means the figure's own locale
 * @param revision null means the current revision
 */
public record CardOptions(Theme theme, Locale lang, String accent, Integer revision) {

    public static final String DEFAULT_ACCENT = "b0122b";
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{6}");
    private static final Pattern REVISION = Pattern.compile("[1-9][0-9]{0,8}");

    /** Parses the query parameters of a card URL; anything malformed is a 400 naming the parameter. */
    public static CardOptions parse(String theme, String lang, String accent, String revision) {
        Theme parsedTheme = Theme.LIGHT;
        if (theme != null && !theme.isBlank()) {
            try {
                parsedTheme = Theme.valueOf(theme.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.malformed("theme", "must be light, dark or auto");
            }
        }
        String parsedAccent = DEFAULT_ACCENT;
        if (accent != null && !accent.isBlank()) {
            String hex = accent.strip().startsWith("#") ? accent.strip().substring(1) : accent.strip();
            if (!HEX.matcher(hex).matches()) {
                throw DomainException.malformed("accent", "must be a hex colour such as 0a7d5a");
            }
            parsedAccent = hex.toLowerCase(Locale.ROOT);
        }
        Integer pinned = null;
        if (revision != null && !revision.isBlank()) {
            if (!REVISION.matcher(revision.strip()).matches()) {
                throw DomainException.malformed("v", "must be a revision number (1, 2, 3…)");
            }
            pinned = Integer.valueOf(revision.strip());
        }
        return new CardOptions(parsedTheme, Languages.parse(lang), parsedAccent, pinned);
    }

    /**
     * The options of a card shown inside an article whatever its address says: each malformed
     * option is left at its default, so a typo ({@code theme=purple}) still shows the figure.
     */
    public static CardOptions lenient(String theme, String lang, String accent, String revision) {
        return parse(
                valid(theme, t -> parse(t, null, null, null)),
                valid(lang, l -> parse(null, l, null, null)),
                valid(accent, a -> parse(null, null, a, null)),
                valid(revision, v -> parse(null, null, null, v)));
    }

    private static String valid(String value, Consumer<String> check) {
        try {
            check.accept(value);
            return value;
        } catch (DomainException malformed) {
            return null;
        }
    }

    /** These options with each figure in its own language. */
    public CardOptions inOwnLanguages() {
        return new CardOptions(theme, null, accent, revision);
    }

    /** These options in this language. */
    public CardOptions inLanguage(Locale language) {
        return new CardOptions(theme, language, accent, revision);
    }

    /** These options on the current revision. */
    public CardOptions current() {
        return new CardOptions(theme, lang, accent, null);
    }

    /** The query string that reproduces these options on another card URL (empty for the defaults). */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (theme != Theme.LIGHT) {
            q.append("&theme=").append(theme.name().toLowerCase(Locale.ROOT));
        }
        if (lang != null) {
            q.append("&lang=").append(lang.toLanguageTag());
        }
        if (!accent.equals(DEFAULT_ACCENT)) {
            q.append("&accent=").append(accent);
        }
        if (revision != null) {
            q.append("&v=").append(revision);
        }
        return q.length() == 0 ? "" : "?" + q.substring(1);
    }
}
