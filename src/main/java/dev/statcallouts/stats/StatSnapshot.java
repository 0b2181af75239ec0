package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything a revision records about a figure. Two equal snapshots mean nothing changed, so a
 * save that produces the current snapshot again writes no revision.
 */
// Hibernate serialises it to jsonb through Jackson, a path Quarkus cannot see at build time.
@RegisterForReflection(targets = {StatSnapshot.class, DisplaySpec.class, SourceSpec.class, TranslationSpec.class})
public record StatSnapshot(
        // A string, as everywhere the API shows a value: exact, whatever the client's numbers are.
        @JsonFormat(shape = JsonFormat.Shape.STRING) @Schema(type = SchemaType.STRING, example = "920000000000")
        BigDecimal value,

        DisplaySpec display,
        String label,
        String context,
        LocalDate asOf,
        String asOfPrecision,
        String locale,
        List<SourceSpec> sources,
        List<String> tags,
        String status,
        String retractionReason,
        Map<String, TranslationSpec> translations) {

    /** Revisions saved before figures had translations read as having none; languages in order, as JSON shows them. */
    public StatSnapshot {
        asOfPrecision = AsOfPrecision.parse(asOfPrecision).id();
        translations = translations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(translations));
    }

    public static StatSnapshot of(Stat stat) {
        return new StatSnapshot(
                stat.value,
                new DisplaySpec(
                        stat.displayKind.name().toLowerCase(Locale.ROOT),
                        stat.currency,
                        stat.unit,
                        stat.qualifier,
                        stat.notation.name().toLowerCase(Locale.ROOT),
                        stat.displayOverride,
                        stat.currencyStyle == null ? null : stat.currencyStyle.id(),
                        stat.trend.id()),
                stat.label,
                stat.context,
                stat.asOf,
                stat.asOfPrecision.id(),
                stat.locale,
                stat.sources.stream().map(SourceSpec::of).toList(),
                stat.tags.stream().sorted().toList(),
                stat.status.name().toLowerCase(Locale.ROOT),
                stat.retractionReason,
                translations(stat));
    }

    public static Map<String, TranslationSpec> translations(Stat stat) {
        Map<String, TranslationSpec> translations = new TreeMap<>();
        stat.translations.forEach((lang, t) -> translations.put(lang, TranslationSpec.of(t)));
        return translations;
    }

    /**
     * Whether what the figure says changed: its value, what the number measures, or when it holds.
     * Such a save is a correction or an update, never a mere edit.
     */
    public boolean meaningDifference(StatSnapshot other) {
        return !(value.compareTo(other.value) == 0
                && display.sameMeaning(other.display)
                && Objects.equals(asOf, other.asOf)
                && asOfPrecision.equals(other.asOfPrecision));
    }

    public AsOfPrecision precision() {
        return AsOfPrecision.parse(asOfPrecision);
    }

    /** Whether a reader of the card would see a difference (tags, status and notes aside). */
    public boolean readerVisibleDifference(StatSnapshot other) {
        return !(value.compareTo(other.value) == 0
                && display.equals(other.display)
                && label.equals(other.label)
                && Objects.equals(context, other.context)
                && Objects.equals(asOf, other.asOf)
                && asOfPrecision.equals(other.asOfPrecision)
                && sources.equals(other.sources)
                && translations.equals(other.translations));
    }
}
