package dev.statcallouts.stats;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a figure's history; who saved it only for token holders. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionSummary(
        int number, String editor, Instant createdAt, String note, String status, String formatted) {}
