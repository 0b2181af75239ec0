package dev.statcallouts.http;

import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.statcallouts.http.Problem.FieldError;

/** A request the service refuses, with the status and words the client will see. */
public class ProblemException extends RuntimeException {

    public final int status;
    public final String title;
    public final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    /** A refusal with no particular field, titled by its status code. */
    public static ProblemException of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new ProblemException(status, known == null ? "Error" : known.getReasonPhrase(), detail, List.of());
    }

    public static ProblemException notFound(String detail) {

        return new ProblemException(404, "Not Found", detail, List.of());
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "Unprocessable Content", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException conflict(String field, String detail) {
        return new ProblemException(409, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, "Precondition Failed",
                "The resource changed since you read it (If-Match does not match its current ETag). "
                        + "Fetch it again, re-apply your change and retry.",
                List.of());
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }
}
