package dev.statcallouts.live;

/**
 * A change as it travels between instances through PostgreSQL NOTIFY: {@code s:<revision>:<slug>}
 * for a figure, {@code c:0:<slug>} for a collection, or {@link #RESYNC} after a gap.
 */
public record Change(char kind, int revision, String slug) {

    public static final String CHANNEL = "statcallouts_changes";

    /** Everything may have changed: the feed was disconnected for a while. */
    public static final Change RESYNC = new Change('*', 0, "*");

    public String payload() {
        return kind + ":" + revision + ":" + slug;
    }

    /** The change a payload describes, or null for one this version does not understand. */
    public static Change parse(String payload) {
        String[] parts = payload.split(":", 3);
        if (parts.length != 3 || parts[0].length() != 1 || !parts[1].matches("\\d{1,9}")) {
            return null;
        }
        return new Change(parts[0].charAt(0), Integer.parseInt(parts[1]), parts[2]);
    }

    public boolean affects(String statSlug) {
        return this == RESYNC || (kind == 's' && slug.equals(statSlug));
    }
}
