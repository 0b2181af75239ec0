package dev.statcallouts.stats.service;

import java.util.Set;

import dev.statcallouts.stats.StatStatus;

/** A list request: which statuses, an optional tag and search text, and the page wanted. */
public record StatQuery(Set<StatStatus> statuses, String tag, String text, int page, int size, String lacks) {

    /** No language filter. */
    public StatQuery(Set<StatStatus> statuses, String tag, String text, int page, int size) {
        this(statuses, tag, text, page, size, null);
    }
}
