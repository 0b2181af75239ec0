package dev.statcallouts.http;

import java.util.Arrays;

import dev.statcallouts.common.ExpectedVersion;

/** Reads an If-Match header as the versions a writer expects (RFC 9110 §13.1.1). */
public final class IfMatch {

    private IfMatch() {}

    /** No header or {@code *} accepts any version; otherwise the strong tags it lists (a weak tag never matches). */
    public static ExpectedVersion parse(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return ExpectedVersion.ANY;
        }
        return ExpectedVersion.oneOf(Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\""))
                .map(tag -> tag.substring(1, tag.length() - 1))
                .toList());
    }
}
