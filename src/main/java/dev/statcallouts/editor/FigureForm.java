package dev.statcallouts.editor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.statcallouts.common.FieldError;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.InputText;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.csv.StatCsv;
import dev.statcallouts.stats.format.TypedNumber;

/**
 * A figure as the edit form holds it: the text exactly as typed, so a refused save re-renders
 * with nothing lost. Form field names are the API's field names ({@code display.kind},
 * {@code sources[0].url}), so a refusal's field points at its input.
 *
 * @param etag the version the editor started from (empty for a new figure)
 * @param baseRevision the revision the editor started from, to tell them what changed meanwhile
 */
public record FigureForm(
        String slug,
        String value,
        String kind,
        String currency,
        String unit,
        String qualifier,
        String notation,
        String override,
        String label,
        String context,
        String asOf,
        String locale,
        List<SourceRow> sources,
        String tags,
        String status,
        String note,
        String etag,
        String baseRevision,
        List<FieldError> errors) {

    /** Blank source rows offered after the filled ones. */
    static final int BLANK_SOURCES = 2;

    static final int MAX_SOURCES = 20;

    /** One source's inputs; {@code index} is its position in the API's {@code sources} list. */
    public record SourceRow(int index, String name, String url, String published, String accessed) {

        /** 1-based, as people count. */
        public int number() {
            return index + 1;
        }

        /** The input's name: the API's field path, {@code sources[0].url}. */
        public String fieldName(String part) {
            return "sources[" + index + "]." + part;
        }

        public String fieldId(String part) {
            return "f-source-" + index + "-" + part;
        }

        boolean blank() {
            return InputText.text(name) == null
                    && InputText.text(url) == null
                    && InputText.text(published) == null
                    && InputText.text(accessed) == null;
        }
    }

    /** The form for a new figure. */
    public static FigureForm blank() {
        return new FigureForm(
                "",
                "",
                "count",
                "",
                "",
                "",
                "compact",
                "",
                "",
                "",
                "",
                "en",
                rows(List.of()),
                "",
                "draft",
                "",
                "",
                "",
                List.of());
    }

    /** The form for editing a saved figure. */
    public static FigureForm of(StatView view, String etag) {
        List<SourceRow> sources = new ArrayList<>();
        for (SourceSpec s : view.sources()) {
            sources.add(new SourceRow(sources.size(), s.name(), s.url(), text(s.published()), text(s.accessed())));
        }
        DisplaySpec d = view.display();
        return new FigureForm(
                view.slug(),
                view.value().toPlainString(),
                d.kind(),
                InputText.orEmpty(d.currency()),
                InputText.orEmpty(d.unit()),
                InputText.orEmpty(d.qualifier()),
                d.notation(),
                InputText.orEmpty(d.override()),
                view.label(),
                InputText.orEmpty(view.context()),
                text(view.asOf()),
                view.locale(),
                rows(sources),
                String.join(", ", view.tags()),
                view.status().equals("retracted") ? "" : view.status(),
                "",
                etag,
                String.valueOf(view.revision()),
                List.of());
    }

    /** The form as posted. Source rows left entirely blank are dropped and the rest renumbered. */
    public static FigureForm read(MultivaluedMap<String, String> form) {
        List<SourceRow> sources = new ArrayList<>();
        for (int i = 0; i < MAX_SOURCES + BLANK_SOURCES; i++) {
            String p = "sources[" + i + "].";
            SourceRow row = new SourceRow(
                    sources.size(),
                    field(form, p + "name"),
                    field(form, p + "url"),
                    field(form, p + "published"),
                    field(form, p + "accessed"));
            if (!row.blank()) {
                sources.add(row);
            }
        }
        return new FigureForm(
                field(form, "slug"),
                field(form, "value"),
                field(form, "display.kind"),
                field(form, "display.currency"),
                field(form, "display.unit"),
                field(form, "display.qualifier"),
                field(form, "display.notation"),
                field(form, "display.override"),
                field(form, "label"),
                field(form, "context"),
                field(form, "asOf"),
                field(form, "locale"),
                rows(sources),
                field(form, "tags"),
                field(form, "status"),
                field(form, "note"),
                field(form, "etag"),
                field(form, "baseRevision"),
                List.of());
    }

    /** The API input this form stands for; values that cannot be parsed go to {@code unparsed}. */
    public StatInput input(List<FieldError> unparsed) {
        List<SourceSpec> specs = new ArrayList<>();
        for (SourceRow row : sources) {
            if (!row.blank()) {
                String field = "sources[" + row.index() + "]";
                specs.add(new SourceSpec(
                        InputText.text(row.name()),
                        InputText.text(row.url()),
                        InputText.date(row.published(), field + ".published", unparsed),
                        InputText.date(row.accessed(), field + ".accessed", unparsed)));
            }
        }
        return new StatInput(
                InputText.text(slug),
                typedNumber(value, locale, unparsed),
                new DisplaySpec(
                        InputText.text(kind),
                        InputText.text(currency),
                        InputText.text(unit),
                        InputText.text(qualifier),
                        InputText.text(notation),
                        InputText.text(override)),
                InputText.text(label),
                InputText.text(context),
                InputText.date(asOf, "asOf", unparsed),
                InputText.text(locale),
                specs,
                StatCsv.tags(tags, ","),
                InputText.text(status),
                InputText.text(note));
    }

    /**
     * The value as the editor typed it, read in the figure's language ({@link TypedNumber}:
     * "4.1 trillion", "4,1 Billionen", "9200億"), or null with the reason why it cannot be.
     */
    private static BigDecimal typedNumber(String raw, String language, List<FieldError> errors) {
        String typed = InputText.text(raw);
        if (typed == null) {
            return null;
        }
        String tag = InputText.text(language);
        TypedNumber.Reading reading =
                TypedNumber.read(typed, tag == null ? Locale.ENGLISH : Locale.forLanguageTag(tag));
        if (reading instanceof TypedNumber.Understood understood) {
            return understood.value();
        }
        errors.add(new FieldError("value", ((TypedNumber.Refused) reading).reason()));
        return null;
    }

    public FigureForm withErrors(List<FieldError> refusals) {
        return with(etag, baseRevision, List.copyOf(refusals));
    }

    /** The same typed text, now based on another version (after someone else's save). */
    public FigureForm rebased(String newEtag, int revision) {
        return with(newEtag, String.valueOf(revision), errors);
    }

    private FigureForm with(String etag, String baseRevision, List<FieldError> errors) {
        return new FigureForm(
                slug,
                value,
                kind,
                currency,
                unit,
                qualifier,
                notation,
                override,
                label,
                context,
                asOf,
                locale,
                sources,
                tags,
                status,
                note,
                etag,
                baseRevision,
                errors);
    }

    /** The message for one API field, or null. */
    public String error(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::message)
                .findFirst()
                .orElse(null);
    }

    public String sourceError(int index, String part) {
        return error("sources[" + index + "]." + part);
    }

    /** Whether any source row has a refusal, for a message on the sources as a whole. */
    public String sourcesError() {
        return error("sources");
    }

    /** How many sources a figure may have (the API's limit). */
    public int maxSources() {
        return MAX_SOURCES;
    }

    public boolean isNew() {
        return etag.isEmpty();
    }

    private static List<SourceRow> rows(List<SourceRow> filled) {
        List<SourceRow> rows = new ArrayList<>(filled);
        int blanks = Math.min(BLANK_SOURCES, MAX_SOURCES - filled.size());
        for (int i = 0; i < blanks; i++) {
            rows.add(new SourceRow(rows.size(), "", "", "", ""));
        }
        return rows;
    }

    private static String field(MultivaluedMap<String, String> form, String name) {
        return InputText.orEmpty(form.getFirst(name));
    }

    private static String text(Object date) {
        return date == null ? "" : date.toString();
    }
}
