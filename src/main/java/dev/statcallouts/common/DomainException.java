package dev.statcallouts.common;

import java.util.List;

/**
 * A change or a lookup that the rules refuse, in the domain's words. Services throw one of its
 * kinds; the HTTP layer decides what a client sees (a problem document, or an editor's page).
 */
public abstract sealed class DomainException extends RuntimeException {

    private final List<FieldError> errors;

    private DomainException(String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault, where the refusal concerns particular fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /** No such figure, collection, revision, account or token. */
    public static final class NotFound extends DomainException {
        NotFound(String detail) {
            super(detail, List.of());
        }
    }

    /** The change contradicts what exists: a slug taken, a published figure deleted, the last admin removed. */
    public static final class Conflict extends DomainException {
        Conflict(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** The writer read a version older than the current one. */
    public static final class StaleVersion extends DomainException {

        /** The current entity tag (unquoted), when known: the refusal carries it as its ETag. */
        public final String current;

        StaleVersion(String current) {
            super(
                    "The resource changed since you read it (If-Match does not match its current ETag). "
                            + "Fetch it again, re-apply your change and retry.",
                    List.of());
            this.current = current;
        }
    }

    /** Well-formed input that the rules refuse. */
    public static final class Invalid extends DomainException {
        Invalid(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** Input that cannot be read at all: not a number, not CSV, not a language tag. */
    public static final class Malformed extends DomainException {
        Malformed(String detail, List<FieldError> errors) {
            super(detail, errors);
        }
    }

    /** This caller may not do this to this thing (another editor's draft). */
    public static final class NotAllowed extends DomainException {
        NotAllowed(String detail) {
            super(detail, List.of());
        }
    }

    public static NotFound notFound(String detail) {
        return new NotFound(detail);
    }

    public static Conflict conflict(String detail) {
        return new Conflict(detail, List.of());
    }

    public static Conflict conflict(String field, String detail) {
        return new Conflict(detail, List.of(new FieldError(field, detail)));
    }

    public static StaleVersion staleVersion() {
        return new StaleVersion(null);
    }

    public static StaleVersion staleVersion(String current) {
        return new StaleVersion(current);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Malformed malformed(String field, String message) {
        return new Malformed(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static NotAllowed notAllowed(String detail) {
        return new NotAllowed(detail);
    }
}
