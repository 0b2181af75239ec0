package dev.statcallouts.editor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.statcallouts.common.FieldError;
import dev.statcallouts.common.Languages;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.InputText;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.TranslationSpec;
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
        String currencyStyle,
        String trend,
        String label,
        String context,
        AsOf asOf,
        String locale,
        List<SourceRow> sources,
        List<TranslationRow> translations,
        String tags,
        String status,
        String note,
        String change,
        boolean notePublic,
        String etag,
        String baseRevision,
        List<FieldError> errors) {

    /** Blank source rows offered after the filled ones. */
    static final int BLANK_SOURCES = 2;

    static final int MAX_SOURCES = 20;

    /**
     * The as-of date as the form holds it: a precision and one picker per precision (a date, a
     * month, a quarter with its year, a year); only the precision's own inputs are read.
     */
    public record AsOf(String precision, String day, String month, String quarter, String year) {

        static final AsOf NONE = new AsOf("day", "", "", "", "");

        static AsOf of(LocalDate date, String precision) {
            if (date == null) {
                return NONE;
            }
            return new AsOf(
                    precision,
                    date.toString(),
                    YearMonth.from(date).toString(),
                    String.valueOf(date.get(IsoFields.QUARTER_OF_YEAR)),
                    String.valueOf(date.getYear()));
        }

        static AsOf read(MultivaluedMap<String, String> form) {
            String precision = field(form, "asOfPrecision");
            return new AsOf(
                    precision.isEmpty() ? "day" : precision,
                    field(form, "asOf"),
                    field(form, "asOf.month"),
                    field(form, "asOf.quarter"),
                    field(form, "asOf.year"));
        }

        /** The first day of the chosen period, null when it is left empty, or a refusal in {@code errors}. */
        LocalDate date(List<FieldError> errors) {
            switch (precision) {
                case "month":
                    if (InputText.text(month) == null) {
                        return null;
                    }
                    try {
                        return YearMonth.parse(month.strip()).atDay(1);
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError("asOf", "must be a month, YYYY-MM (2024-11)"));
                        return null;
                    }
                case "quarter":
                case "year":
                    if (InputText.text(year) == null) {
                        return null;
                    }
                    if (!year.strip().matches("[12][0-9]{3}")) {
                        errors.add(new FieldError("asOf", "must be a year such as 2024"));
                        return null;
                    }
                    int q = precision.equals("year") || !quarter.matches("[1-4]") ? 1 : Integer.parseInt(quarter);
                    return LocalDate.of(Integer.parseInt(year.strip()), q * 3 - 2, 1);
                default:
                    return InputText.date(day, "asOf", errors);
            }
        }
    }

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

    /**
     * The figure's words in one more language: empty when it has none. Source names are typed
     * in one field, in the order of the sources, separated by semicolons.
     */
    public record TranslationRow(String lang, String label, String context, String sourceNames) {

        /** Whether this is the row of the figure's own language (hidden: its label is already in it). */
        public boolean own(String figureLanguage) {
            String tag = InputText.text(figureLanguage);
            return lang.equals(Locale.forLanguageTag(tag == null ? "en" : tag).getLanguage()) && blank();
        }

        /** The language's own name ("日本語"), as its editors know it. */
        public String languageName() {
            Locale locale = Locale.forLanguageTag(lang);
            return locale.getDisplayLanguage(locale);
        }

        /** The input's name, {@code translations[ja].label}; the language's own, {@code translations[ja]}, for no part. */
        public String fieldName(String part) {
            return "translations[" + lang + "]" + (part.isEmpty() ? "" : "." + part);
        }

        public String fieldId(String part) {
            return "f-tr-" + lang + "-" + part;
        }

        boolean blank() {
            return InputText.text(label) == null
                    && InputText.text(context) == null
                    && InputText.text(sourceNames) == null;
        }

        TranslationSpec spec() {
            List<String> names = InputText.text(sourceNames) == null
                    ? List.of()
                    : Arrays.stream(sourceNames.split(";", -1))
                            .map(String::strip)
                            .toList();
            return new TranslationSpec(InputText.text(label), InputText.text(context), names);
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
                "none",
                "",
                "",
                AsOf.NONE,
                "en",
                rows(List.of()),
                translationRows(Map.of()),
                "",
                "draft",
                "",
                "",
                false,
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
                InputText.orEmpty(d.currencyStyle()),
                d.trend(),
                view.label(),
                InputText.orEmpty(view.context()),
                AsOf.of(view.asOf(), view.asOfPrecision()),
                view.locale(),
                rows(sources),
                translationRows(view.translations()),
                String.join(", ", view.tags()),
                view.status().equals("retracted") ? "" : view.status(),
                "",
                "",
                false,
                etag,
                String.valueOf(view.revision()),
                List.of());
    }

    /** A new figure's form holding a copy of another: its own slug made from the label, a draft, no history. */
    public static FigureForm copyOf(StatView view) {
        FigureForm copy = of(view, "");
        return new FigureForm(
                "",
                copy.value,
                copy.kind,
                copy.currency,
                copy.unit,
                copy.qualifier,
                copy.notation,
                copy.override,
                copy.currencyStyle,
                copy.trend,
                copy.label,
                copy.context,
                copy.asOf,
                copy.locale,
                copy.sources,
                copy.translations,
                copy.tags,
                "draft",
                "Copied from " + view.slug(),
                "",
                false,
                "",
                "",
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
                field(form, "display.currencyStyle"),
                field(form, "display.trend"),
                field(form, "label"),
                field(form, "context"),
                AsOf.read(form),
                field(form, "locale"),
                rows(sources),
                postedTranslations(form),
                field(form, "tags"),
                field(form, "status"),
                field(form, "note"),
                field(form, "change"),
                "true".equals(field(form, "notePublic")),
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
                        InputText.text(override),
                        InputText.text(currencyStyle),
                        InputText.text(trend)),
                InputText.text(label),
                InputText.text(context),
                asOf.date(unparsed),
                InputText.text(asOf.precision()),
                InputText.text(locale),
                specs,
                StatCsv.tags(tags, ","),
                InputText.text(status),
                InputText.text(note),
                InputText.text(change),
                notePublic,
                translationSpecs());
    }

    /** The translations typed: every language with a word in it (the form always carries all of them). */
    private Map<String, TranslationSpec> translationSpecs() {
        Map<String, TranslationSpec> specs = new TreeMap<>();
        for (TranslationRow row : translations) {
            if (!row.blank()) {
                specs.put(row.lang(), row.spec());
            }
        }
        return specs;
    }

    /**
     * A row for each language cards speak, filled where the figure has words in it. The row of the
     * figure's own language is there too, hidden ({@link TranslationRow#own}), so that a figure
     * whose language changes while it is typed can have words in the one it had.
     */
    private static List<TranslationRow> translationRows(Map<String, TranslationSpec> translations) {
        List<TranslationRow> rows = new ArrayList<>();
        for (String lang : Languages.CODES) {
            TranslationSpec words = translations.get(lang);
            rows.add(
                    words == null
                            ? new TranslationRow(lang, "", "", "")
                            : new TranslationRow(
                                    lang,
                                    words.label(),
                                    InputText.orEmpty(words.context()),
                                    words.sourceNames() == null ? "" : String.join("; ", words.sourceNames())));
        }
        return rows;
    }

    /** The translation rows as posted: every supported language the form had a row for. */
    private static List<TranslationRow> postedTranslations(MultivaluedMap<String, String> form) {
        List<TranslationRow> rows = new ArrayList<>();
        for (String lang : Languages.CODES) {
            String p = "translations[" + lang + "].";
            if (form.containsKey(p + "label")) {
                rows.add(new TranslationRow(
                        lang, field(form, p + "label"), field(form, p + "context"), field(form, p + "sourceNames")));
            }
        }
        return rows;
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
                currencyStyle,
                trend,
                label,
                context,
                asOf,
                locale,
                sources,
                translations,
                tags,
                status,
                note,
                change,
                notePublic,
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
