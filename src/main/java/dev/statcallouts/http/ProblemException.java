package dev.statcallouts.http;

import java.util.List;

import dev.statcallouts.common.FieldError;

/**
 * A refusal that only HTTP has words for (an oEmbed 401, a 501 format, a NUL in the address),
 * with the status and detail the client will see. The domain's refusals are {@code DomainException}s.
 */
public class ProblemException extends RuntimeException {

    public final int status;

    private final List<FieldError> errors;

    public ProblemException(int status, String detail) {
        this(status, detail, List.of());
    }

    /** A refusal naming the fields (or parameters) it is about. */
    public ProblemException(int status, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public Problem toProblem() {
        return new Problem("about:blank", Problems.title(status), status, getMessage(), errors);
    }
}
