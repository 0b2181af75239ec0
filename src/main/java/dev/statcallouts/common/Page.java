package dev.statcallouts.common;

import java.util.List;

/**
 * One page of a list: 1-based page number, page size, the total across all pages, and the
 * address of the next page (null on the last), which the API also sends as {@code Link}s.
 */
public record Page<T>(List<T> items, int page, int size, long total, int totalPages, String next) {

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size), null);
    }

    /** The page of a whole list held in memory. */
    public static <T> Page<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        return of(all.subList(from, to), page, size, all.size());
    }

    public boolean hasNext() {
        return page < totalPages;
    }

    /** This page, naming where the next one is. */
    public Page<T> withNext(String next) {
        return new Page<>(items, page, size, total, totalPages, next);
    }
}
