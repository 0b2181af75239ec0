package dev.statcallouts.stats.service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.statcallouts.stats.StatStatus;

/**
 * A list request: which statuses, the tags a figure must all have, search text (words, a slug or
 * a value), figures lacking words in a language, the order and the page wanted.
 */
public record StatQuery(
        Set<StatStatus> statuses,
        List<String> tags,
        String text,
        int page,
        int size,
        String lacks,
        Order order,
        boolean ascending) {

    /** Most tags one list may ask for: each is a condition of the query. */
    public static final int MAX_TAGS = 10;

    /** What a list can be sorted by. */
    public enum Order {
        UPDATED,
        CREATED,
        SLUG,
        AS_OF,
        SOURCE,
        /** How many pages embedded the figure in the last 30 days. */
        USED
    }

    public StatQuery {
        tags = tags == null ? List.of() : List.copyOf(tags);
        order = order == null ? Order.UPDATED : order;
    }

    /** Newest changes first, no language filter. */
    public StatQuery(Set<StatStatus> statuses, List<String> tags, String text, int page, int size) {
        this(statuses, tags, text, page, size, null, Order.UPDATED, false);
    }

    /** Tags from one parameter: "japan,uxtest" (comma-separated, lower-cased, blanks dropped). */
    public static List<String> tags(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return List.of();
        }
        return Arrays.stream(parameter.split(","))
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    }
}
