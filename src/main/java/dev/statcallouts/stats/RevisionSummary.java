package dev.statcallouts.stats;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of a figure's history; who saved it only for token holders. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionSummary(
        int number,
        String editor,
        Instant createdAt,

        @Schema(description = "The save's note; to the public only a note its editor made public")
        String note,

        @Schema(description = "Whether readers see the note (token holders only)")
        Boolean notePublic,

        @Schema(
                description = "correction, update or edit; absent for a first revision, a retraction and"
                        + " revisions saved before saves said",
                enumeration = {"correction", "update", "edit"})
        String change,

        String status,
        String formatted) {}
