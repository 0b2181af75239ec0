package dev.statcallouts.http;

import jakarta.ws.rs.core.Response;

import dev.statcallouts.common.DomainException;

/** The HTTP status and problem document of each kind of refusal. */
public final class Problems {

    /**
     * An identity attribute with the words a 403 gives (why this caller may not), set by
     * whoever authenticates it: a revoked token says so, another says what its role is.
     */
    public static final String FORBIDDEN_BECAUSE = "statcallouts.forbidden-because";

    private Problems() {}

    public static int status(DomainException refusal) {
        // Java 17 has no pattern matching in switch yet: the kinds in order, most common first.
        if (refusal instanceof DomainException.NotFound) {
            return 404;
        } else if (refusal instanceof DomainException.Invalid) {
            return 422;
        } else if (refusal instanceof DomainException.Malformed) {
            return 400;
        } else if (refusal instanceof DomainException.StaleVersion) {
            return 412;
        } else if (refusal instanceof DomainException.Conflict) {
            return 409;
        }
        return 403;
    }

    /** The reason phrase of a status ("Unprocessable Content" for 422). */
    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (status == 422) {
            return "Unprocessable Content";
        }
        if (status == 428) {
            return "Precondition Required";
        }
        return known == null ? "Error" : known.getReasonPhrase();
    }

    public static Problem of(DomainException refusal) {
        int status = status(refusal);
        return new Problem("about:blank", title(status), status, refusal.getMessage(), refusal.errors());
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
