package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A figure as the API shows it: raw value, display spec and the text formatted for {@code lang}. */
public record StatView(
        String slug,

        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "920000000000")
        BigDecimal value,

        DisplaySpec display,
        @Schema(example = "¥920 billion") String formatted,

        @Schema(description = "Language the text is formatted for", example = "en")
        String lang,

        String label,
        String context,
        LocalDate asOf,

        @Schema(enumeration = {"day", "month", "quarter", "year"})
        String asOfPrecision,

        String locale,
        List<SourceSpec> sources,
        List<String> tags,

        @Schema(enumeration = {"draft", "published", "retracted"})
        String status,

        String retractionReason,

        @Schema(description = "Number of the latest revision")
        int revision,

        Instant createdAt,

        @Schema(description = "When readers first saw the figure; null for a draft never published")
        Instant publishedAt,

        Instant updatedAt,

        @Schema(description = "When readers were last told of a correction or update (the card's date)")
        Instant changedAt,

        @Schema(
                description = "What that change was: the card says \"Corrected\" or \"Updated\"",
                enumeration = {"correction", "update"})
        String lastChange,

        @Schema(description = "The figure's words in other languages, by language (see StatInput.translations)")
        Map<String, TranslationSpec> translations) {}
