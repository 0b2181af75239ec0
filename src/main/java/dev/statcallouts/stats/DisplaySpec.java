package dev.statcallouts.stats;

import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a figure's number is shown: what it measures, its unit, qualifier and notation. */
@ValidDisplay
public record DisplaySpec(
        // Checked against DisplayKind by @ValidDisplay; an annotation can only list the names again.
        @NotNull
        @Schema(
                example = "currency",
                enumeration = {"currency", "percent", "multiplier", "count", "unit"})
        String kind,

        @Schema(description = "ISO 4217 code, required when kind is currency", example = "JPY")
        String currency,

        @Size(max = 32) @Schema(description = "Custom unit, required when kind is unit", example = "nm")
        String unit,

        @Schema(description = "Shown with the number: + after it; ~ ≥ ≤ > < before it", example = "+")
        String qualifier,

        @Pattern(regexp = "compact|full", message = "must be compact or full")
        @Schema(
                description = "compact (\"920 billion\", the default) or full (\"920,000,000,000\")",
                example = "compact")
        String notation,

        @Size(max = 64) @Schema(description = "Literal text shown instead of the formatted number", example = "¥920bn")
        String override) {

    public DisplayKind displayKind() {
        return DisplayKind.of(kind).orElseThrow();
    }

    public Notation notationOrDefault() {
        return notation == null ? Notation.COMPACT : Notation.valueOf(notation.toUpperCase(Locale.ROOT));
    }
}
