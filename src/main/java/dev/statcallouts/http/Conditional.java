package dev.statcallouts.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Versioned;

/**
 * Cacheable GET answers: an ETag, 304 for a matching If-None-Match, and Cache-Control that is
 * public for anonymous reads and private for editors (who may see drafts).
 */
@ApplicationScoped
public class Conditional {

    private static final String PRIVATE = "private, no-cache";

    @Inject
    ApiConfig config;

    @Inject
    ObjectMapper json;

    /** A body whose ETag the service already knows (the version of what it shows). */
    public Response ok(Request request, Versioned<?> versioned, boolean authenticated) {
        EntityTag tag = new EntityTag(versioned.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(versioned.body());
        return cache(builder.tag(tag), authenticated).build();
    }

    /** A body whose ETag is the hash of its JSON, for lists that have no single version. */
    public Response ok(Request request, Object body, boolean authenticated) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = new EntityTag(Hashes.etag(bytes));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder =
                notModified != null ? notModified : Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE);
        return cache(builder.tag(tag), authenticated).build();
    }

    private Response.ResponseBuilder cache(Response.ResponseBuilder builder, boolean authenticated) {
        return builder.header(HttpHeaders.CACHE_CONTROL, authenticated ? PRIVATE : config.cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
}
