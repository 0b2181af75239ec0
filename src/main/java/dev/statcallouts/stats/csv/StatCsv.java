package dev.statcallouts.stats.csv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.statcallouts.common.FieldError;
import dev.statcallouts.common.Languages;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.InputText;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.TranslationSpec;

/**
 * The CSV shape of figures, one per row, the same for export and import: display fields flat,
 * tags separated by semicolons, up to three sources as {@code source_*}, {@code source2_*},
 * {@code source3_*}, and a column set per card language for the figure's words in it
 * ({@code label_ja}, {@code context_ja}, {@code source_names_ja} with names separated by semicolons).
 */
public final class StatCsv {

    public static final int MAX_SOURCES = 3;
    public static final List<String> HEADER;
    private static final Pattern SOURCE_FIELD = Pattern.compile("sources\\[(\\d+)\\]\\.(\\w+)");
    private static final Pattern TRANSLATION_FIELD = Pattern.compile("translations\\[([a-z]{2})](?:\\.(\\w+))?.*");

    static {
        List<String> header = new ArrayList<>(Arrays.asList(
                "slug",
                "value",
                "kind",
                "currency",
                "unit",
                "qualifier",
                "notation",
                "override",
                "currency_style",
                "trend",
                "label",
                "context",
                "as_of",
                "as_of_precision",
                "locale",
                "status",
                "tags"));
        for (int n = 1; n <= MAX_SOURCES; n++) {
            String p = prefix(n);
            header.addAll(List.of(p + "name", p + "url", p + "published", p + "accessed"));
        }
        for (String lang : Languages.CODES) {
            header.addAll(List.of("label_" + lang, "context_" + lang, "source_names_" + lang));
        }
        HEADER = List.copyOf(header);
    }

    private StatCsv() {}

    private static String prefix(int n) {
        return n == 1 ? "source_" : "source" + n + "_";
    }

    /** Figures as a CSV document: the header line, then one line per figure. */
    public static String document(List<StatView> stats) {
        StringBuilder csv = new StringBuilder(Csv.line(HEADER));
        stats.forEach(view -> csv.append(Csv.line(row(view))));
        return csv.toString();
    }

    /** A figure as a CSV row. */
    public static List<String> row(StatView stat) {
        List<String> row = new ArrayList<>(Arrays.asList(
                stat.slug(),
                stat.value().toPlainString(),
                stat.display().kind(),
                stat.display().currency(),
                stat.display().unit(),
                stat.display().qualifier(),
                stat.display().notation(),
                stat.display().override(),
                stat.display().currencyStyle(),
                stat.display().trend(),
                stat.label(),
                stat.context(),
                stat.asOf() == null ? null : stat.asOf().toString(),
                stat.asOfPrecision(),
                stat.locale(),
                stat.status(),
                String.join(";", stat.tags())));
        for (int n = 0; n < MAX_SOURCES; n++) {
            SourceSpec s = n < stat.sources().size() ? stat.sources().get(n) : null;
            row.addAll(Arrays.asList(
                    s == null ? null : s.name(),
                    s == null ? null : s.url(),
                    s == null || s.published() == null ? null : s.published().toString(),
                    s == null || s.accessed() == null ? null : s.accessed().toString()));
        }
        for (String lang : Languages.CODES) {
            TranslationSpec words = stat.translations().get(lang);
            row.addAll(Arrays.asList(
                    words == null ? null : words.label(),
                    words == null ? null : words.context(),
                    words == null || words.sourceNames() == null ? null : String.join(";", words.sourceNames())));
        }
        // The value is a plain decimal ("-5" is a number, not a formula); every other cell is text.
        for (int i = 0; i < row.size(); i++) {
            if (i != VALUE_COLUMN) {
                row.set(i, neutralised(row.get(i)));
            }
        }
        return row;
    }

    private static final int VALUE_COLUMN = 1;
    /** What spreadsheets take for the start of a formula (OWASP's list, with tab and carriage return). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * A cell a spreadsheet will show as text: one that would start a formula ("=HYPERLINK(…)")
     * gets a leading apostrophe, which {@link #restored} takes off again on import.
     */
    public static String neutralised(String cell) {
        return cell != null && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** A cell as it was before {@link #neutralised}. */
    static String restored(String cell) {
        return cell != null
                        && cell.length() > 1
                        && cell.charAt(0) == '\''
                        && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }

    /**
     * A row (column name → text) as an API input; values that cannot even be parsed (a number,
     * a date) are added to {@code errors} under the API's field names and left out.
     */
    public static StatInput input(Map<String, String> row, List<FieldError> errors) {
        BigDecimal value = InputText.decimal(row.get("value"), "value", errors);
        List<SourceSpec> sources = new ArrayList<>();
        for (int n : filledSources(row)) {
            String p = prefix(n);
            String field = "sources[" + sources.size() + "]";
            sources.add(new SourceSpec(
                    text(row, p + "name"),
                    text(row, p + "url"),
                    InputText.date(row.get(p + "published"), field + ".published", errors),
                    InputText.date(row.get(p + "accessed"), field + ".accessed", errors)));
        }
        return new StatInput(
                text(row, "slug"),
                value,
                new DisplaySpec(
                        text(row, "kind"),
                        text(row, "currency"),
                        text(row, "unit"),
                        text(row, "qualifier"),
                        text(row, "notation"),
                        text(row, "override"),
                        text(row, "currency_style"),
                        text(row, "trend")),
                text(row, "label"),
                text(row, "context"),
                InputText.date(row.get("as_of"), "asOf", errors),
                text(row, "as_of_precision"),
                text(row, "locale"),
                sources,
                tags(restored(row.get("tags")), ";"),
                text(row, "status"),
                "Imported from CSV",
                null,
                null,
                translations(row));
    }

    /** The figure's words per language from its label_ja, context_ja and source_names_ja columns. */
    private static Map<String, TranslationSpec> translations(Map<String, String> row) {
        Map<String, TranslationSpec> words = new TreeMap<>();
        for (String lang : Languages.CODES) {
            String label = text(row, "label_" + lang);
            String context = text(row, "context_" + lang);
            String names = restored(row.get("source_names_" + lang));
            if (label != null || context != null || InputText.text(names) != null) {
                words.put(
                        lang,
                        new TranslationSpec(
                                label,
                                context,
                                names == null || names.isBlank()
                                        ? List.of()
                                        : Arrays.stream(names.split(";", -1))
                                                .map(String::strip)
                                                .toList()));
            }
        }
        return words;
    }

    /**
     * The CSV column of {@code row} an API field name comes from: "sources[1].url" is the URL of
     * the second source filled in (source2_url, or source3_url when source2 is empty).
     */
    public static String column(String field, Map<String, String> row) {
        Matcher source = SOURCE_FIELD.matcher(field);
        if (source.matches()) {
            List<Integer> filled = filledSources(row);
            int index = Integer.parseInt(source.group(1));
            return index < filled.size() ? prefix(filled.get(index)) + source.group(2) : field;
        }
        Matcher translation = TRANSLATION_FIELD.matcher(field);
        if (translation.matches()) {
            String part = translation.group(2) == null ? "label" : translation.group(2);
            return (part.equals("sourceNames") ? "source_names" : part) + "_" + translation.group(1);
        }
        if (field.startsWith("display.")) {
            field = field.substring("display.".length());
        }
        // The API's camel case ("asOfPrecision") is the CSV's snake case ("as_of_precision").
        return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The numbers (1…3) of the sources a row fills in, each one a source of the figure in this order. */
    private static List<Integer> filledSources(Map<String, String> row) {
        List<Integer> filled = new ArrayList<>();
        for (int n = 1; n <= MAX_SOURCES; n++) {
            if (text(row, prefix(n) + "name") != null || text(row, prefix(n) + "url") != null) {
                filled.add(n);
            }
        }
        return filled;
    }

    /** Tags from one cell or field, split on {@code separator}, blanks dropped. */
    public static List<String> tags(String text, String separator) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split(separator))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList();
    }

    private static String text(Map<String, String> row, String column) {
        return InputText.text(restored(row.get(column)));
    }
}
