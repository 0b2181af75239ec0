package dev.statcallouts.stats;

/**
 * A figure got a new revision, or was deleted. Fired inside the writing transaction; observers
 * that act on the committed state observe it {@code during = AFTER_SUCCESS}.
 *
 * @param revision the new revision (0 when deleted)
 * @param what what the change is to those outside: readers, and the systems that show the figure
 */
public record StatChanged(String slug, int revision, What what) {

    /** What a change is to those outside. */
    public enum What {
        /** Readers see it for the first time, or again after it was taken back to a draft. */
        PUBLISHED,
        /** A new value (new data). */
        UPDATED,
        /** The value or what readers read was wrong and is fixed. */
        CORRECTED,
        /** Words changed without changing what the figure says, or only what editors see. */
        EDITED,
        RETRACTED,
        /** Taken back to a draft: readers no longer see it. */
        UNPUBLISHED,
        /** A never-published draft was deleted. */
        DELETED,
        /** A draft that readers never saw was saved: nothing outside changed. */
        DRAFT_SAVED
    }
}
