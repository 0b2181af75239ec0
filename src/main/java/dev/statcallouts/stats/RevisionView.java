package dev.statcallouts.stats;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One revision in full: what was saved, when and why (and by whom, for token holders). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionView(
        int number,
        String editor,
        Instant createdAt,
        String note,

        @Schema(enumeration = {"correction", "update", "edit"})
        String change,

        String formatted,
        StatSnapshot figure) {}
