package dev.statcallouts.editor.rest;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.statcallouts.common.FieldError;

/**
 * The words the editors' forms use for a field the API names by its path: "sources[1].url" is
 * "Source 2, link", "stats[1]" is "2nd figure". Editors read refusals in the form's words,
 * never in the API's.
 */
final class FormWords {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("slug", "Slug"),
            Map.entry("value", "Value"),
            Map.entry("display", "Display"),
            Map.entry("display.kind", "Kind"),
            Map.entry("display.currency", "Currency"),
            Map.entry("display.unit", "Unit"),
            Map.entry("display.qualifier", "Qualifier"),
            Map.entry("display.notation", "Notation"),
            Map.entry("display.override", "Shown as"),
            Map.entry("display.currencyStyle", "Currency written as"),
            Map.entry("display.trend", "Trend on the card"),
            Map.entry("asOfPrecision", "As of, precision"),
            Map.entry("change", "What is this change?"),
            Map.entry("label", "Label"),
            Map.entry("context", "Context"),
            Map.entry("asOf", "As of"),
            Map.entry("locale", "Language of the figure"),
            Map.entry("sources", "Sources"),
            Map.entry("tags", "Tags"),
            Map.entry("status", "Status"),
            Map.entry("note", "Change note"),
            Map.entry("title", "Title"),
            Map.entry("description", "Description"),
            Map.entry("stats", "Figures"));

    private static final Map<String, String> SOURCE_PARTS =
            Map.of("name", "publisher", "url", "link", "published", "published", "accessed", "accessed");

    private static final Pattern SOURCE = Pattern.compile("sources\\[(\\d{1,3})]\\.(\\w+)");
    private static final Pattern TRANSLATION = Pattern.compile("translations\\[([a-zA-Z-]{1,35})](?:\\.(\\w+))?.*");
    private static final Map<String, String> TRANSLATION_PARTS =
            Map.of("label", "Label", "context", "Context", "sourceNames", "Source names");
    private static final Pattern INDEXED = Pattern.compile("(sources|stats|tags)\\[(\\d{1,3})]");

    private FormWords() {}

    /** The form's name for a field path; a path it does not know is shown as it is. */
    static String of(String field) {
        String known = FIELDS.get(field);
        if (known != null) {
            return known;
        }
        Matcher source = SOURCE.matcher(field);
        if (source.matches() && SOURCE_PARTS.containsKey(source.group(2))) {
            return "Source " + (Integer.parseInt(source.group(1)) + 1) + ", " + SOURCE_PARTS.get(source.group(2));
        }
        Matcher translation = TRANSLATION.matcher(field);
        if (translation.matches()) {
            String part = translation.group(2) == null ? null : TRANSLATION_PARTS.get(translation.group(2));
            return (part == null ? "Words" : part) + " in " + translation.group(1);
        }
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            int n = Integer.parseInt(indexed.group(2)) + 1;
            return switch (indexed.group(1)) {
                case "sources" -> "Source " + n;
                case "stats" -> ordinal(n) + " figure";
                default -> ordinal(n) + " tag";
            };
        }
        return field;
    }

    /** Refusals as one line in the form's words: "Title: must not be blank; 2nd figure: …". */
    static String describe(List<FieldError> errors) {
        return String.join(
                "; ",
                errors.stream()
                        .map(e -> of(e.field()) + ": " + e.message())
                        .sorted()
                        .toList());
    }

    /** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
