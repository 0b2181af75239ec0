package dev.statcallouts.stats.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a figure is retracted; readers of every article that embeds it will see this. */
public record RetractInput(
        @NotBlank @Size(max = 500) @Schema(example = "The survey was withdrawn by its publisher.")
        String reason) {}
