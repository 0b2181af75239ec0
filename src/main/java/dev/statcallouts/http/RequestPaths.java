package dev.statcallouts.http;

import jakarta.ws.rs.core.UriInfo;

/**
 * The request's path, decoded, for filters and mappers that look at where a request went.
 * RESTEasy Reactive's {@code UriInfo.getPath()} decodes a path that holds a {@code ;} a second
 * time, and throws on a {@code %} the first decoding left ({@code /s/a%25;b}): a server error, and
 * an error logged, that any client could cause. Such a path is read from the request's URI
 * instead, decoded once.
 */
public final class RequestPaths {

    private RequestPaths() {}

    public static String of(UriInfo uri) {
        try {
            return uri.getPath();
        } catch (IllegalArgumentException decodedTwice) {
            return uri.getRequestUri().getPath();
        }
    }
}
