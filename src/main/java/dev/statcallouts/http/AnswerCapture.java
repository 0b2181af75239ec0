package dev.statcallouts.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands {@link AnswerCache} what the REST layer answers to an anonymous read it missed: the body
 * is turned into bytes here, once, and those same bytes are both sent and kept; the headers are
 * taken as they are sent, after every filter has written its own.
 */
public class AnswerCapture {

    @Inject
    CurrentVertxRequest current;

    @Inject
    AnswerCache cache;

    @Inject
    ObjectMapper json;

    @ServerResponseFilter
    public void capture(ContainerResponseContext response) throws JsonProcessingException {
        RoutingContext ctx = current.getCurrent();
        AnswerCache.Miss miss = ctx == null ? null : ctx.get(AnswerCache.MISS);
        String cacheControl = response.getHeaderString(HttpHeaders.CACHE_CONTROL);
        if (miss == null
                || response.getStatus() != 200
                || !response.hasEntity()
                || cacheControl == null
                || !cacheControl.startsWith("public")) {
            return;
        }
        MediaType type = response.getMediaType();
        Object entity = response.getEntity();
        byte[] body;
        if (entity instanceof String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
        } else if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            body = json.writeValueAsBytes(entity);
        } else {
            return;
        }
        MediaType sent = type == null || type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)
                ? type
                : type.withCharset("UTF-8");
        response.setEntity(body, response.getEntityAnnotations(), sent);
        byte[] gzipped = Gzip.compressible(sent == null ? null : sent.toString()) ? Gzip.of(body) : null;
        // As they stand when sent: filters that run after this one have added theirs by then.
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().getStatusCode() == 200) {
                Map<String, List<String>> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                written.putAll(response.getStringHeaders());
                if (sent != null) {
                    written.put(HttpHeaders.CONTENT_TYPE, List.of(sent.toString()));
                }
                cache.keep(miss, written, body, gzipped);
            }
        });
    }
}
