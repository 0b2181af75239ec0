package dev.statcallouts.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a slug may look like, and how one is derived from a label. */
public final class Slugs {

    public static final String PATTERN = "[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?";
    /**
     * A slug in a resource's path template. The REST layer's request mapper tries a template with
     * a regular expression by searching the path from where the template's literal part ends, and
     * takes the first hit only if it starts there: {@code \G} pins the search to that position,
     * so that a template that does not match (each of {@code /api/stats/{slug}/revisions},
     * {@code /retraction}… while it looks for {@code /api/stats/{slug}}) fails at once instead of
     * being tried again from every later character (a tenth of the CPU of an API read, measured).
     * The published API description gives {@link #PATTERN} ({@code ApiDocument}).
     */
    public static final String IN_PATH = "{slug: \\G" + PATTERN + "}";

    private static final Pattern SLUG = Pattern.compile(PATTERN);

    public static final String MESSAGE = "must be lowercase letters, digits and inner dashes, at most 80";
    private static final int DERIVED_LENGTH = 60;

    private Slugs() {}

    /** Whether the text could be a slug at all. */
    public static boolean isSlug(String text) {
        return text != null && SLUG.matcher(text).matches();
    }

    /** "65% of organizations use generative AI" → "65-of-organizations-use-generative-ai"; may be empty. */
    public static String fromText(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > DERIVED_LENGTH) {
            slug = slug.substring(0, DERIVED_LENGTH).replaceAll("-+$", "");
        }
        return slug;
    }

    /** A free slug derived from a text: "label", then "label-2", "label-3"… */
    public static String unique(String text, String fallback, Predicate<String> taken) {
        String base = fromText(text);
        if (base.isEmpty()) {
            base = fallback;
        }
        String slug = base;
        for (int n = 2; taken.test(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
