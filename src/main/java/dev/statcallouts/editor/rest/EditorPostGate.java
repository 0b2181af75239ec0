package dev.statcallouts.editor.rest;

import java.net.URI;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.statcallouts.editor.service.EditorAuthService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Editor posts without a live session are answered before their body is read, so nobody
 * anonymous can make the service read an upload. The one exception is a form from one of our own
 * pages: when its session has just ended, the form is read to give back what was typed
 * ({@link EditorGate#interrupted}); uploads are never kept that way.
 */
public class EditorPostGate {

    // Filters are created while the application starts, before runtime configuration is available.
    @Inject
    Provider<EditorAuthService> auth;

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> sessionBeforeBody(HttpServerRequest request) {
        String path = request.path();
        if (request.method() != HttpMethod.POST || !path.startsWith("/editor/") || path.equals("/editor/login")) {
            return Uni.createFrom().nullItem();
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean upload = type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA);
        if (!upload && EditorGate.fromOurPage(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.scheme() + "://" + request.authority())) {
            return Uni.createFrom().nullItem();
        }
        Cookie session = request.getCookie(EditorResource.SESSION_COOKIE);
        if (session == null) {
            return Uni.createFrom().item(signIn());
        }
        return Uni.createFrom().item(() -> auth.get().current(session.getValue()).isPresent() ? null : signIn())
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response signIn() {
        return Response.seeOther(URI.create("/editor/login")).header("Connection", "close").build();
    }
}
