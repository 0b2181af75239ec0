package dev.statcallouts.stats;

import java.util.Locale;
import java.util.Objects;

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
        String override,

        @Pattern(regexp = CurrencyStyle.PATTERN, message = "must be symbol, code or name")
        @Schema(
                description = "How the currency is written: symbol (\"¥920 billion\"), code (\"JPY 920 billion\") or"
                        + " name (\"920 Mrd. Japanischer Yen\"); omitted: the site's default",
                example = "symbol")
        String currencyStyle,

        @Pattern(regexp = Trend.PATTERN, message = "must be none, change or sparkline")
        @Schema(
                description = "What the card shows of the figure's series: none (default), change (\"up from 55% in"
                        + " 2023\") or sparkline (that and a small line of its values)",
                example = "change")
        String trend) {

    /** A display without a currency style (the site's default) or trend. */
    public DisplaySpec(String kind, String currency, String unit, String qualifier, String notation, String override) {
        this(kind, currency, unit, qualifier, notation, override, null, null);
    }

    /** Older revisions and inputs that do not say show no trend. */
    public DisplaySpec {
        trend = trend == null || trend.isBlank() ? Trend.NONE.id() : trend.strip();
        currencyStyle = currencyStyle == null || currencyStyle.isBlank() ? null : currencyStyle.strip();
    }

    public Trend trendOrNone() {
        return Trend.parse(trend);
    }

    /** The number without its presentation: what "the figure changed" means (not notation, style or trend). */
    public boolean sameMeaning(DisplaySpec other) {
        return kind.equals(other.kind)
                && Objects.equals(currency, other.currency)
                && Objects.equals(unit, other.unit)
                && Objects.equals(qualifier, other.qualifier)
                && Objects.equals(override, other.override);
    }

    public DisplayKind displayKind() {
        return DisplayKind.of(kind).orElseThrow();
    }

    public Notation notationOrDefault() {
        return notation == null ? Notation.COMPACT : Notation.valueOf(notation.toUpperCase(Locale.ROOT));
    }
}
