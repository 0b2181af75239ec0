package dev.statcallouts.http;

import java.util.Arrays;

import dev.statcallouts.common.ExpectedVersion;

/** Reads an If-Match header as the versions a writer expects (RFC 9110 §13.1.1). */
public final class IfMatch {

    private IfMatch() {}

    /**
     * The versions a writer names, who must name one: without the header the write is refused
     * with 428 Precondition Required (RFC 6585), so that no client overwrites what it never read.
     * {@code *} still accepts any version, as RFC 9110 has it.
     */
    public static ExpectedVersion required(String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(
                    428,
                    "Send If-Match with the ETag of the version you read (GET it first), or If-Match: * to"
                            + " overwrite whatever is current.");
        }
        return parse(header);
    }

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
