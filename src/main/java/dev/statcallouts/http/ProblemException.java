package dev.statcallouts.http;

/**
 * A refusal that only HTTP has words for (an oEmbed 401, a 501 format, a NUL in the address),
 * with the status and detail the client will see. The domain's refusals are {@code DomainException}s.
 */
public class ProblemException extends RuntimeException {

    public final int status;

    public ProblemException(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    public Problem toProblem() {
        return Problem.of(status, Problems.title(status), getMessage());
    }
}
