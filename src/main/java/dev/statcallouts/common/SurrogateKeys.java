package dev.statcallouts.common;

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

    private SurrogateKeys() {}

    public static String stat(String slug) {
        return "stat-" + slug;
    }

    public static String collection(String slug) {
        return "collection-" + slug;
    }
}
