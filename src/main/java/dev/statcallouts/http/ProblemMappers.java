package dev.statcallouts.http;

import java.util.ArrayList;
import java.util.List;

import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.statcallouts.database.DatabaseFaults;
import dev.statcallouts.database.OutageLog;
import dev.statcallouts.editor.rest.EditorMappers;
import dev.statcallouts.http.Problem.FieldError;
import dev.statcallouts.stats.service.StatImportService;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every refusal into an {@code application/problem+json} response. Each mapper is narrow;
 * what none of them takes is a database outage (503) or a bug (a 500 without detail, logged).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        // The editors' pages are read by people in a browser: the same refusal as a page.
        return uri.getPath().startsWith("/editor") ? EditorMappers.page(e.status, e.title, e.getMessage())
                : respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        boolean body = false;
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            FieldPaths.FieldPath path = FieldPaths.of(violation.getPropertyPath());
            body |= path.inBody();
            errors.add(new FieldError(path.name(), violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("");
        // A well-formed body with values the rules refuse is 422; a bad parameter or no body at all is 400.
        return body ? respond(new Problem("about:blank", "Unprocessable Content", 422, detail, errors))
                : respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = mapping instanceof UnrecognizedPropertyException ? "unknown field"
                    : mapping instanceof NulCharacters.Refused ? NulCharacters.MESSAGE
                    : "has the wrong type or format";
            return respond(new Problem("about:blank", "Bad Request", 400, field + ": " + message,
                    List.of(new FieldError(field, message))));
        }
        return respond(Problem.of(400, "Bad Request", "The request body is not well-formed JSON."));
    }

    // Quarkus maps this subtype itself (an empty 400); the closest mapper wins, so name it here.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    /** A refused CSV import: 422 with every invalid cell (line, field, message), nothing written. */
    @ServerExceptionMapper
    public Response importRefused(StatImportService.RowsRefused e) {
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new ImportProblem("about:blank",
                "Unprocessable Content", 422, e.getMessage() + "; nothing was imported", e.report.rows(),
                e.report.errors())).build();
    }

    /** The problem document of a refused import. */
    public record ImportProblem(String type, String title, int status, String detail, int rows,
            List<StatImportService.RowError> errors) {
    }

    @ServerExceptionMapper
    public Response tooLarge(BodyLimitFilter.BodyTooLargeException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorized("The bearer token is unknown.");
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("This request needs an API token: send 'Authorization: Bearer <token>'.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "This API token is revoked or may not do this."));
    }

    @ServerExceptionMapper
    public Response concurrentWrite(OptimisticLockException e) {
        return respond(ProblemException.preconditionFailed().toProblem());
    }

    /**
     * A persistence failure: the database away, frozen or restarting is a 503 (logged as an
     * outage, without a stack trace); anything else is a bug, logged and answered without detail.
     */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, Request request, UriInfo uri) {
        return failed(e, request, uri);
    }

    /**
     * What no narrower mapper took: a database outage that reached us wrapped (a failed commit
     * comes as the transaction's RollbackException), or a bug. Never a class name or trace out.
     */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, Request request, UriInfo uri) {
        return failed(e, request, uri);
    }

    private Response failed(RuntimeException e, Request request, UriInfo uri) {
        if (DatabaseFaults.refusedNulCharacter(e)) {
            // Text no check caught before the database: refused there, nothing saved.
            return problem(new ProblemException(422, "Unprocessable Content", "Text " + NulCharacters.MESSAGE
                    + "; nothing was saved.", List.of()), uri);
        }
        Optional<DatabaseFaults.Kind> outage = DatabaseFaults.of(e);
        if (outage.isEmpty()) {
            Log.error("Request failed", e);
            return respond(Problem.of(500, "Internal Server Error", "The request could not be completed."));
        }
        DatabaseFaults.Kind kind = outage.get();
        OutageLog.report(kind.words, rootMessage(e));
        boolean write = !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        String detail = kind == DatabaseFaults.Kind.COMMIT_UNKNOWN || (write && kind == DatabaseFaults.Kind.CONNECTION_LOST)
                ? "The database connection failed while this change was being saved, so it may or may not have "
                        + "been saved. Read the resource again (GET) and compare its ETag before you retry."
                : "The database is unreachable or too slow right now; nothing was changed. Try again shortly.";
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", detail)).build();
    }

    /** The message nearest the cause of a failure: the most specific words there are. */
    private static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            message = t.getMessage() != null ? t.getMessage() : message;
        }
        return message;
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        if (uri.getPath().startsWith("/editor/") && status < 500) {
            return EditorMappers.page(status, title, status == 404 ? "There is no such page in the editor."
                    : "This request cannot be answered (" + e.getMessage() + ").");
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, status >= 500 ? "The request could not be completed." : e.getMessage()));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthorized(String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stat-callouts\"")
                .entity(Problem.of(401, "Unauthorized", detail)).build();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
            }
        }
        return field.toString();
    }
}
