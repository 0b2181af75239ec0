package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.validation.LanguageTag;

/** A figure as an editor writes it (POST creates, PUT replaces). */
public record StatInput(
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(
                description = "URL-safe and unique; derived from the label when omitted. Cannot change on PUT.",
                example = "rapidus-cumulative-investment")
        String slug,

        @NotNull
        @Digits(integer = 24, fraction = 10)
        @Schema(
                description = "Exact decimal, as a JSON number or string",
                type = SchemaType.STRING,
                example = "920000000000")
        BigDecimal value,

        @NotNull @Valid DisplaySpec display,

        @NotBlank @Size(max = 200) @Schema(example = "cumulative investment in Rapidus")
        String label,

        @Size(max = 1000) @Schema(example = "Government support for Japan's 2 nm foundry through fiscal 2025.")
        String context,

        @Schema(
                description = "When the figure holds; with a month, quarter or year precision, a day in that period"
                        + " (stored as its first day)",
                example = "2025-04-01")
        LocalDate asOf,

        @Pattern(regexp = AsOfPrecision.PATTERN, message = "must be day, month, quarter or year")
        @Schema(
                description =
                        "How precise asOf is, as the source says it (\"as of November 2024\" is month); default day",
                example = "month")
        String asOfPrecision,

        @LanguageTag @Schema(description = "The figure's own language (BCP 47); default en", example = "en")
        String locale,

        @NotEmpty @Size(max = 20) List<@NotNull @Valid SourceSpec> sources,

        @Size(max = 20)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,39}",
                                message = "must be letters, digits and dashes, at most 40")
                        String>
                tags,

        @Pattern(regexp = "draft|published", message = "must be draft or published")
        @Schema(
                description = "draft (default on create) or published; omitted on PUT keeps the current status. "
                        + "Retract with DELETE.",
                example = "published")
        String status,

        @Size(max = 500)
        @Schema(description = "Change note stored with the revision", example = "Corrected to the fiscal 2025 total")
        String note,

        @Pattern(regexp = ChangeKind.PATTERN, message = "must be correction, update or edit")
        @Schema(
                description = "What this save is, once the figure was published: correction (it was wrong; cards say"
                        + " \"Corrected\"), update (new data; \"Updated\", and the series gains a value) or edit"
                        + " (wording, not shown to readers). Required when the value, its display or its as-of"
                        + " change; otherwise edit.",
                example = "update")
        String change,

        @Schema(description = "Whether the note is shown to readers in the public history; default false")
        Boolean notePublic,

        @Size(max = 5)
        @Schema(
                description = "The figure's words in other languages cards speak (en, ja, de, fr, es), by language."
                        + " Omitted on PUT keeps the current translations; {} removes them.")
        Map<String, @NotNull @Valid TranslationSpec> translations) {

    /** The same input without translations: a form or import that does not carry them keeps the figure's. */
    public StatInput(
            String slug,
            BigDecimal value,
            DisplaySpec display,
            String label,
            String context,
            LocalDate asOf,
            String locale,
            List<SourceSpec> sources,
            List<String> tags,
            String status,
            String note) {
        this(slug, value, display, label, context, asOf, null, locale, sources, tags, status, note, null, null, null);
    }

    /** The same input with these translations. */
    public StatInput withTranslations(Map<String, TranslationSpec> words) {
        return new StatInput(
                slug,
                value,
                display,
                label,
                context,
                asOf,
                asOfPrecision,
                locale,
                sources,
                tags,
                status,
                note,
                change,
                notePublic,
                words);
    }

    /** The same input saved as this kind of change, with this note, public or not. */
    public StatInput as(String kind, String changeNote, Boolean publicNote) {
        return new StatInput(
                slug,
                value,
                display,
                label,
                context,
                asOf,
                asOfPrecision,
                locale,
                sources,
                tags,
                status,
                changeNote,
                kind,
                publicNote,
                translations);
    }

    /** The same input with the as-of date at this precision. */
    public StatInput withAsOf(LocalDate date, String precision) {
        return new StatInput(
                slug,
                value,
                display,
                label,
                context,
                date,
                precision,
                locale,
                sources,
                tags,
                status,
                note,
                change,
                notePublic,
                translations);
    }
}
