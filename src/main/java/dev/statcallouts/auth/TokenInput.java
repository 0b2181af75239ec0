package dev.statcallouts.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a new API token. */
public record TokenInput(
        @NotBlank @Size(max = 100) @Schema(example = "cms-integration")
        String name,

        @NotBlank
        @Size(max = 200)
        @Schema(
                description = "Recorded as the editor on every revision it writes",
                example = "jane.doe@newsroom.example")
        String editor,

        @NotNull
        @Pattern(regexp = "reader|editor|admin", message = "must be reader, editor or admin")
        @Schema(
                enumeration = {"reader", "editor", "admin"},
                example = "editor")
        String role) {}
