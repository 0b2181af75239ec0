package dev.statcallouts.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.common.Hashes;
import dev.statcallouts.common.Versioned;

/**
 * Cacheable GET answers: an ETag, 304 for a matching If-None-Match, and Cache-Control that is
 * public for anonymous reads and private for editors (who may see drafts). Typed, so that the
 * API description names the body of each answer.
 */
@ApplicationScoped
public class Conditional {

    private static final String PRIVATE = "private, no-cache";

    @Inject
    ApiConfig config;

    @Inject
    ObjectMapper json;

    /** A body whose ETag the service already knows (the version of what it shows). */
    public <T> RestResponse.ResponseBuilder<T> ok(Request request, Versioned<T> versioned, boolean authenticated) {
        return answer(request, versioned.body(), new EntityTag(versioned.etag()), authenticated);
    }

    /** A body whose ETag is the hash of its JSON, for lists that have no single version. */
    public <T> RestResponse.ResponseBuilder<T> ok(Request request, T body, boolean authenticated) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return answer(request, body, new EntityTag(Hashes.etag(bytes)), authenticated);
    }

    private <T> RestResponse.ResponseBuilder<T> answer(Request request, T body, EntityTag tag, boolean authenticated) {
        RestResponse.ResponseBuilder<T> builder = request.evaluatePreconditions(tag) != null
                ? RestResponse.ResponseBuilder.<T>notModified()
                : RestResponse.ResponseBuilder.ok(body);
        return builder.tag(tag)
                .header(HttpHeaders.CACHE_CONTROL, authenticated ? PRIVATE : config.cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
}
