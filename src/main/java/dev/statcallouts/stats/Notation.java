package dev.statcallouts.stats;

/** Compact ("920 billion") or full ("920,000,000,000") notation of a figure's number. */
public enum Notation {
    COMPACT,
    FULL
}
