package dev.statcallouts.collections;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.validation.LanguageTag;

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
        String status,

        @LanguageTag
        @Schema(
                description = "The language of the title and description (BCP 47); default en, omitted on PUT keeps it",
                example = "en")
        String locale,

        @Size(max = 5)
        @Schema(
                description = "Title and description in other languages cards speak, by language; omitted on PUT"
                        + " keeps them, {} removes them")
        Map<String, @NotNull @Valid CollectionWords> translations) {

    /** A collection in English without translations (or, on PUT, keeping its language and translations). */
    public CollectionInput(String slug, String title, String description, List<String> stats, String status) {
        this(slug, title, description, stats, status, null, null);
    }
}
