package dev.statcallouts.http;

import io.vertx.core.MultiMap;

/**
 * The headers {@code quarkus.http.header.*} adds to every answer, for the routes that answer
 * before the HTTP layer's filters would add them (the cards', requests refused ahead of every route).
 */
public final class SecurityHeaders {

    private SecurityHeaders() {}

    public static MultiMap set(MultiMap headers) {
        return headers.set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
