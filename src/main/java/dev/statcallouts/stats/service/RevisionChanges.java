package dev.statcallouts.stats.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.statcallouts.stats.AsOfPrecision;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.TranslationSpec;
import dev.statcallouts.stats.Trend;

/** What a revision changed, field by field, as an editor reads it (old → new). */
public final class RevisionChanges {

    private RevisionChanges() {}

    /** One changed field; a null side means the field was empty. */
    public record FieldChange(String field, String before, String after) {}

    /** The fields that differ between two snapshots; everything is "new" when {@code before} is null. */
    public static List<FieldChange> between(StatSnapshot before, StatSnapshot after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(changes, "value", before, after, s -> s.value().toPlainString());
        compare(changes, "kind", before, after, s -> s.display().kind());
        compare(changes, "currency", before, after, s -> s.display().currency());
        compare(changes, "unit", before, after, s -> s.display().unit());
        compare(changes, "qualifier", before, after, s -> s.display().qualifier());
        compare(changes, "notation", before, after, s -> s.display().notation());
        compare(changes, "shown as", before, after, s -> s.display().override());
        compare(changes, "currency written as", before, after, s -> s.display().currencyStyle());
        compare(
                changes,
                "trend",
                before,
                after,
                s -> s.display().trendOrNone() == Trend.NONE
                        ? null
                        : s.display().trend());
        compare(changes, "label", before, after, StatSnapshot::label);
        compare(changes, "context", before, after, StatSnapshot::context);
        compare(
                changes,
                "as of",
                before,
                after,
                s -> s.asOf() == null
                        ? null
                        : s.asOf() + (s.precision() == AsOfPrecision.DAY ? "" : " (" + s.asOfPrecision() + ")"));
        compare(changes, "language", before, after, StatSnapshot::locale);
        int sources = Math.max(
                before == null ? 0 : before.sources().size(), after.sources().size());
        for (int i = 0; i < sources; i++) {
            int index = i;
            compare(
                    changes,
                    "source " + (i + 1),
                    before,
                    after,
                    s -> index < s.sources().size() ? source(s.sources().get(index)) : null);
        }
        Set<String> languages = new TreeSet<>(after.translations().keySet());
        if (before != null) {
            languages.addAll(before.translations().keySet());
        }
        for (String lang : languages) {
            compare(changes, "label (" + lang + ")", before, after, s -> translated(s, lang, TranslationSpec::label));
            compare(
                    changes,
                    "context (" + lang + ")",
                    before,
                    after,
                    s -> translated(s, lang, TranslationSpec::context));
            compare(
                    changes,
                    "source names (" + lang + ")",
                    before,
                    after,
                    s -> translated(
                            s,
                            lang,
                            t -> t.sourceNames() == null || t.sourceNames().isEmpty()
                                    ? null
                                    : String.join(", ", t.sourceNames())));
        }
        compare(changes, "tags", before, after, s -> s.tags().isEmpty() ? null : String.join(", ", s.tags()));
        compare(changes, "status", before, after, StatSnapshot::status);
        compare(changes, "retraction reason", before, after, StatSnapshot::retractionReason);
        return changes;
    }

    private static void compare(
            List<FieldChange> changes,
            String field,
            StatSnapshot before,
            StatSnapshot after,
            Function<StatSnapshot, String> read) {
        String old = before == null ? null : read.apply(before);
        String now = read.apply(after);
        if (!Objects.equals(old, now)) {
            changes.add(new FieldChange(field, old, now));
        }
    }

    private static String translated(StatSnapshot s, String lang, Function<TranslationSpec, String> read) {
        TranslationSpec words = s.translations().get(lang);
        return words == null ? null : read.apply(words);
    }

    private static String source(SourceSpec source) {
        StringBuilder text = new StringBuilder(source.name())
                .append(" <")
                .append(source.url())
                .append('>');
        if (source.published() != null) {
            text.append(", published ").append(source.published());
        }
        if (source.accessed() != null) {
            text.append(", accessed ").append(source.accessed());
        }
        return text.toString();
    }
}
