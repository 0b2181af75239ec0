package dev.statcallouts.http;

import java.util.function.Function;

/**
 * How a feature names one of its public reads for {@link AnswerCache}: by what the read depends
 * on, not by everything its address carries. A permalink shared on a social network comes back
 * as {@code /s/x?fbclid=…}, a newsletter's as {@code ?utm_source=…}: the same page each time,
 * which should be read once, not once per click.
 */
public interface AnswerAddress {

    /**
     * The path and query that name this read, or null where this feature does not know the path
     * (or refuses the request: it is then answered, and never kept, as sent).
     *
     * @param path the path as sent, without its query
     * @param parameter the first value of a query parameter, or null
     */
    String canonical(String path, Function<String, String> parameter);
}
