package dev.statcallouts.common;

import java.util.List;

/** One page of a list: 1-based page number, page size and the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <T> Page<T> of(List<T> items, int page, int size, long total) {
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
