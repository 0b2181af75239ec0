package dev.statcallouts.common;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cache keys of what a change makes stale: cards, permalinks, pictures and API reads name
 * them in {@code Surrogate-Key} and {@code Cache-Tag}, and webhook payloads list them, so a
 * receiver can purge a CDN by key.
 */
public final class SurrogateKeys {

    /** Lists of figures ({@code /api/stats}): any figure's change may change them. */
    public static final String STATS = "stats";

    /** Lists of collections ({@code /api/collections}). */
    public static final String COLLECTIONS = "collections";

    private static final String COLLECTION_PREFIX = "collection-";
    private static final Pattern STAT =
            Pattern.compile("/(?:embed|s|images/s|api/stats)/(" + Slugs.PATTERN + ")(?:[/.].*)?");
    private static final Pattern COLLECTION =
            Pattern.compile("/(?:embed/c|c|images/c|api/collections)/(" + Slugs.PATTERN + ")(?:[/.].*)?");

    private SurrogateKeys() {}

    /**
     * The keys of a public address (and of the {@code url} an oEmbed request names),
     * space-separated; null if it shows no figure or collection.
     */
    public static String ofAddress(String path, String oembedUrl) {
        if (path.equals("/api/stats")) {
            return STATS;
        }
        if (path.equals("/api/collections")) {
            return COLLECTIONS;
        }
        if (path.equals("/oembed") && oembedUrl != null && oembedUrl.length() <= 2000) {
            try {
                String named = URI.create(oembedUrl).getRawPath();
                return named == null || named.startsWith("/oembed") ? null : ofAddress(named, null);
            } catch (IllegalArgumentException notAUrl) {
                return null;
            }
        }
        Matcher collection = COLLECTION.matcher(path);
        if (collection.matches()) {
            return collection(collection.group(1));
        }
        Matcher stat = STAT.matcher(path);
        return stat.matches() ? stat(stat.group(1)) : null;
    }

    /**
     * Whether a figure's change makes what this key names stale: the figure itself, every list,
     * and every collection (any of them may show it; they are few).
     */
    public static boolean staleAfterStat(String key, String slug) {
        return key.equals(stat(slug))
                || key.equals(STATS)
                || key.equals(COLLECTIONS)
                || key.startsWith(COLLECTION_PREFIX);
    }

    /** Whether a collection's change makes what this key names stale: the collection and the lists of them. */
    public static boolean staleAfterCollection(String key, String slug) {
        return key.equals(collection(slug)) || key.equals(COLLECTIONS);
    }

    public static String stat(String slug) {
        return "stat-" + slug;
    }

    public static String collection(String slug) {
        return COLLECTION_PREFIX + slug;
    }
}
