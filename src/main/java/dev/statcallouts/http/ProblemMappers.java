package dev.statcallouts.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.FieldError;
import dev.statcallouts.common.NulCharacters;
import dev.statcallouts.database.DatabaseFaults;
import dev.statcallouts.database.OutageLog;
import dev.statcallouts.validation.FieldPaths;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Turns every refusal into an {@code application/problem+json} response. Each mapper is narrow;
 * what none of them takes is a database outage (503) or a bug (a 500 without detail, logged).
 */
public class ProblemMappers {

    @Inject
    Instance<ProblemPages> pages;

    @Inject
    SecurityIdentity identity;

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        Response answer = answer(Problems.of(e), uri);
        if (e instanceof DomainException.StaleVersion stale && stale.current != null) {
            // A 412 names the version that is current, so the writer can GET it (or retry with it).
            return Response.fromResponse(answer)
                    .header(HttpHeaders.ETAG, "\"" + stale.current + "\"")
                    .build();
        }
        return answer;
    }

    @ServerExceptionMapper
    public Response refused(ProblemException e, UriInfo uri) {
        return answer(e.toProblem(), uri);
    }

    /** A refusal as the route's page, or as a problem document. */
    private Response answer(Problem problem, UriInfo uri) {
        return page(uri, problem.status(), problem.title(), problem.detail()).orElseGet(() -> respond(problem));
    }

    /** The page a browser route shows for a refusal instead of a problem document, if it has one. */
    private Optional<Response> page(UriInfo uri, int status, String title, String detail) {
        return route(uri).map(route -> route.page(status, title, detail));
    }

    /** The pages of the browser route a request went to, if it is one. */
    private Optional<ProblemPages> route(UriInfo uri) {
        String path = RequestPaths.of(uri);
        return pages.stream().filter(route -> route.covers(path)).findFirst();
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
        errors.sort(Comparator.comparing(FieldError::field));
        String detail = errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
        // A well-formed body with values the rules refuse is 422; a bad parameter or no body at all is 400.
        return body
                ? respond(new Problem("about:blank", "Unprocessable Content", 422, detail, errors))
                : respond(new Problem("about:blank", "Bad Request", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = mapping instanceof UnrecognizedPropertyException
                    ? "unknown field"
                    : mapping instanceof NulCharacterFilter.Refused
                            ? NulCharacters.MESSAGE
                            : expected(
                                    mapping instanceof MismatchedInputException mismatched
                                            ? mismatched.getTargetType()
                                            : null);
            return respond(new Problem(
                    "about:blank",
                    "Bad Request",
                    400,
                    field + ": " + message,
                    List.of(new FieldError(field, message))));
        }
        if (e instanceof MismatchedInputException mismatched) {
            // Well-formed JSON of the wrong shape (an array where an object goes): no type names out.
            return respond(Problem.of(
                    400,
                    "Bad Request",
                    "The request body has the wrong shape: " + expected(mismatched.getTargetType()) + "."));
        }
        if (!(e instanceof JsonParseException)) {
            return respond(Problem.of(400, "Bad Request", "The request body is not well-formed JSON."));
        }
        JsonLocation at = e.getLocation();
        return respond(Problem.of(
                400,
                "Bad Request",
                "The request body is not well-formed JSON"
                        + (at == null || at.getLineNr() < 1
                                ? "."
                                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + "): "
                                        + e.getOriginalMessage())));
    }

    /** What a field of this type takes, in the words of the API description. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type == LocalDate.class) {
            return "expected a date as YYYY-MM-DD";
        }
        if (type == Instant.class) {
            return "expected a date and time as YYYY-MM-DDThh:mm:ssZ";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class) {
            return "expected a decimal number (a JSON number or a string such as \"920000000000\")";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        }
        if (type == String.class) {
            return "expected a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "expected an array";
        }
        return "expected an object";
    }

    // Quarkus maps this subtype itself (an empty 400); the closest mapper wins, so name it here.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
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
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return route(uri)
                .map(ProblemPages::signIn)
                .orElseGet(
                        () -> unauthorized("This request needs an API token: send 'Authorization: Bearer <token>'."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Object because = identity.isAnonymous() ? null : identity.getAttribute(Problems.FORBIDDEN_BECAUSE);
        return route(uri)
                .map(ProblemPages::forbidden)
                .orElseGet(() -> respond(Problem.of(
                        403, "Forbidden", because != null ? because.toString() : "This API token may not do this.")));
    }

    @ServerExceptionMapper
    public Response concurrentWrite(OptimisticLockException e) {
        return respond(Problems.of(DomainException.staleVersion()));
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
            return refused(new ProblemException(422, "Text " + NulCharacters.MESSAGE + "; nothing was saved."), uri);
        }
        Optional<DatabaseFaults.Kind> outage = DatabaseFaults.of(e);
        if (outage.isEmpty()) {
            Log.error("Request failed", e);
            return respond(Problem.of(500, "Internal Server Error", "The request could not be completed."));
        }
        DatabaseFaults.Kind kind = outage.get();
        OutageLog.report(kind.words, rootMessage(e));
        boolean write =
                !request.getMethod().equals("GET") && !request.getMethod().equals("HEAD");
        String detail =
                kind == DatabaseFaults.Kind.COMMIT_UNKNOWN || (write && kind == DatabaseFaults.Kind.CONNECTION_LOST)
                        ? "The database connection failed while this change was being saved, so it may or may not have "
                                + "been saved. Read the resource again (GET) and compare its ETag before you retry."
                        : "The database is unreachable or too slow right now; nothing was changed. Try again shortly.";
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", "5")
                .entity(Problem.of(503, "Service Unavailable", detail))
                .build();
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
    public Response framework(WebApplicationException e, UriInfo uri, Request request, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // A body the JSON reader gave up on, wrapped by the framework.
            return malformedJson(unreadable);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            Log.error("Request failed", e);
        }
        String title = Problems.title(status);
        if (status < 500) {
            Optional<Response> page = page(
                    uri,
                    status,
                    title,
                    status == 404 ? "There is no such page." : frameworkDetail(status, request, headers, original));
            if (page.isPresent()) {
                return page.get();
            }
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, frameworkDetail(status, request, headers, original)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.build();
    }

    /** The framework's refusals in the API's words (its own messages name annotations such as @Consumes). */
    private static String frameworkDetail(int status, Request request, HttpHeaders headers, Response original) {
        return switch (status) {
            case 404 -> "There is no such resource.";
            case 405 ->
                request.getMethod() + " is not allowed here"
                        + (original.getHeaderString(HttpHeaders.ALLOW) == null
                                ? "."
                                : "; this resource answers " + original.getHeaderString(HttpHeaders.ALLOW) + ".");
            case 406 ->
                "None of the types in Accept (" + headers.getHeaderString(HttpHeaders.ACCEPT)
                        + ") can be produced here; see the operation's answers in /q/openapi.";
            case 415 ->
                "This operation does not read a body of type "
                        + (headers.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                                ? "(none given)"
                                : headers.getHeaderString(HttpHeaders.CONTENT_TYPE))
                        + "; send application/json (application/merge-patch+json for PATCH, text/csv for imports).";
            default -> status >= 500 ? "The request could not be completed." : Problems.title(status) + ".";
        };
    }

    private static Response respond(Problem problem) {
        return Problems.respond(problem);
    }

    private static Response unauthorized(String detail) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"stat-callouts\"")
                .entity(Problem.of(401, "Unauthorized", detail))
                .build();
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
