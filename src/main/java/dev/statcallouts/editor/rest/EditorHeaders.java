package dev.statcallouts.editor.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.statcallouts.http.RequestPaths;

/**
 * The editors' pages are never framed, never cached, and load nothing but our own stylesheet,
 * script and frames (the card previews, which only our pages may frame).
 */
public class EditorHeaders {

    @ServerResponseFilter
    public void protect(ContainerRequestContext request, ContainerResponseContext response) {
        if (!RequestPaths.of(request.getUriInfo()).startsWith("/editor")) {
            return;
        }
        var headers = response.getHeaders();
        if (headers.containsKey("Content-Security-Policy")) {
            // A card preview or chart: framed by our own editor pages only, under its own policy.
            headers.putSingle("X-Frame-Options", "SAMEORIGIN");
        } else {
            headers.putSingle("X-Frame-Options", "DENY");
            headers.putSingle(
                    "Content-Security-Policy",
                    "default-src 'none'; style-src 'self'; script-src 'self'; "
                            + "img-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; "
                            + "frame-ancestors 'none'; base-uri 'none'");
        }
        headers.putSingle("Cache-Control", "no-store");
    }
}
