package dev.statcallouts.stats;

/**
 * A figure got a new revision. Fired inside the writing transaction; observers that act on the
 * committed state observe it {@code during = AFTER_SUCCESS}.
 */
public record StatChanged(String slug, int revision) {}
