package dev.statcallouts.http;

import java.util.Arrays;
import java.util.List;

/** The entity tags of an If-Match header, checked against a resource's current ETag (RFC 9110 §13.1.1). */
public record IfMatch(boolean any, List<String> tags) {

    public static final IfMatch NONE = new IfMatch(true, List.of());

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        // Strong comparison: a weak tag (W/"...") never matches.
        return new IfMatch(false, Arrays.stream(header.split(","))
                .map(String::strip)
                .filter(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\""))
                .map(tag -> tag.substring(1, tag.length() - 1))
                .toList());
    }

    /**
     * Exactly the entity tag (unquoted) an editor's form carried from the version it was opened
     * on; a form without one matches nothing.
     */
    public static IfMatch exactly(String etag) {
        return new IfMatch(false, etag == null || etag.isEmpty() ? List.of() : List.of(etag));
    }

    /** Throws 412 unless the current tag (unquoted) is one the client named. */
    public void check(String currentTag) {
        if (!any && !tags.contains(currentTag)) {
            throw ProblemException.preconditionFailed();
        }
    }
}
