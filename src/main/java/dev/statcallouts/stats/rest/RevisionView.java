package dev.statcallouts.stats.rest;

import java.time.Instant;

import dev.statcallouts.stats.StatSnapshot;

/** One revision in full: who saved what, when, and why. */
public record RevisionView(int number, String editor, Instant createdAt, String note, String formatted,
        StatSnapshot figure) {
}
