package dev.statcallouts.stats.rest;

import java.time.Instant;

/** One entry of a figure's history. */
public record RevisionSummary(int number, String editor, Instant createdAt, String note, String status,
        String formatted) {
}
