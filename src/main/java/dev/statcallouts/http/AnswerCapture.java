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
 * Turns every text body into its UTF-8 bytes, and hands {@link AnswerCache} what the REST layer
 * answers to an anonymous read it missed: the body is turned into bytes here, once, and those same
 * bytes are both sent and kept; the headers are taken as they are sent, after every filter has
 * written its own.
 *
 * <p>A text body handed to the REST layer as a String would be encoded by Netty one character at a
 * time: about a fifth of the CPU of a permalink read from the database (14 KB, with ¥ and —), by
 * async-profiler samples; the JDK's encoder does the same work in a small part of that.
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
        if (response.getEntity() instanceof String text && utf8(response.getMediaType())) {
            response.setEntity(
                    text.getBytes(StandardCharsets.UTF_8),
                    response.getEntityAnnotations(),
                    withCharset(response.getMediaType()));
        }
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
        if (entity instanceof byte[] bytes) {
            body = bytes;
        } else if (type != null && MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            body = json.writeValueAsBytes(entity);
        } else {
            return;
        }
        MediaType sent = withCharset(type);
        response.setEntity(body, response.getEntityAnnotations(), sent);
        // As they stand when sent: filters that run after this one have added theirs by then.
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().getStatusCode() == 200) {
                Map<String, List<String>> written = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                written.putAll(response.getStringHeaders());
                if (sent != null) {
                    written.put(HttpHeaders.CONTENT_TYPE, List.of(sent.toString()));
                }
                cache.keep(miss, RouteTemplate.of(ctx), written, body);
            }
        });
    }

    /** Whether this is a text type written in UTF-8 (what the REST layer does unless told). */
    private static boolean utf8(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return type != null
                && type.getType().equalsIgnoreCase("text")
                && (charset == null || charset.equalsIgnoreCase("UTF-8"));
    }

    /** The type as sent: the REST layer names UTF-8 on a text body that names no charset. */
    private static MediaType withCharset(MediaType type) {
        return type == null || type.getParameters().containsKey(MediaType.CHARSET_PARAMETER)
                ? type
                : type.withCharset("UTF-8");
    }
}
