package dev.statcallouts.collections;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.statcallouts.common.Slugs;

/** A collection as an editor writes it. */
public record CollectionInput(
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Derived from the title when omitted", example = "ai-by-the-numbers")
        String slug,

        @NotBlank @Size(max = 200) @Schema(example = "AI by the numbers")
        String title,

        @Size(max = 1000) String description,

        @NotEmpty
        @Size(max = 24)
        @Schema(
                description = "Slugs of the figures, in display order",
                example = "[\"genai-adoption\", \"ai-spending-2024\"]")
        List<@NotNull @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String> stats,

        @Pattern(regexp = "draft|published", message = "must be draft or published")
        @Schema(description = "draft (default on create) or published; omitted on PUT keeps the current status")
        String status) {}
