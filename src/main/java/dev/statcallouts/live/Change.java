package dev.statcallouts.live;

/**
 * A change as it travels between instances through PostgreSQL NOTIFY: {@code S:<revision>:<sent>:<slug>}
 * for a figure, {@code C:0:<sent>:<slug>} for a collection, {@code T:0:<sent>:tokens} for a revoked
 * API token ({@code sent}: when it was written, epoch milliseconds, for the feed's lag), or
 * {@link #RESYNC} after a gap. The lower-case forms without
 * {@code sent} ({@code s:<revision>:<slug>}) are what earlier versions send; they are still read,
 * and an earlier version reads an upper-case kind as one it does not know, and drops everything.
 *
 * @param sentAt when the change was written (epoch milliseconds), 0 when not known
 */
public record Change(char kind, int revision, String slug, long sentAt) {

    public static final String CHANNEL = "statcallouts_changes";

    /** The kind of a token's revocation: every instance forgets the tokens it remembers. */
    public static final char TOKENS = 't';

    /** Everything may have changed: the feed was disconnected for a while. */
    public static final Change RESYNC = new Change('*', 0, "*", 0);

    public String payload() {
        return Character.toUpperCase(kind) + ":" + revision + ":" + sentAt + ":" + slug;
    }

    /** The change a payload describes, or null for one this version does not understand. */
    public static Change parse(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts.length < 3 || parts[0].length() != 1 || !parts[1].matches("\\d{1,9}")) {
            return null;
        }
        char kind = parts[0].charAt(0);
        int revision = Integer.parseInt(parts[1]);
        if (Character.isLowerCase(kind)) {
            return new Change(kind, revision, payload.split(":", 3)[2], 0);
        }
        if (parts.length != 4 || !parts[2].matches("\\d{1,15}")) {
            return null;
        }
        return new Change(Character.toLowerCase(kind), revision, parts[3], Long.parseLong(parts[2]));
    }

    public boolean affects(String statSlug) {
        return this == RESYNC || (kind == 's' && slug.equals(statSlug));
    }
}
