package dev.statcallouts.common;

import java.util.List;

/**
 * The versions (entity tags, unquoted) a writer says it read. A change to a figure or collection
 * whose current tag is not among them is refused as stale.
 */
public record ExpectedVersion(boolean any, List<String> tags) {

    /** No expectation: the writer accepts whatever is current. */
    public static final ExpectedVersion ANY = new ExpectedVersion(true, List.of());

    /** Exactly the version an editor's form was opened on; a form without one matches nothing. */
    public static ExpectedVersion exactly(String etag) {
        return new ExpectedVersion(false, etag == null || etag.isEmpty() ? List.of() : List.of(etag));
    }

    public static ExpectedVersion oneOf(List<String> etags) {
        return new ExpectedVersion(false, List.copyOf(etags));
    }

    /** Throws {@link DomainException.StaleVersion} unless the current tag is one the writer named. */
    public void check(String currentTag) {
        if (!any && !tags.contains(currentTag)) {
            throw DomainException.staleVersion(currentTag);
        }
    }
}
