package dev.statcallouts.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Public reads of the API and of oEmbed may be made from any origin, including "null" (a card in
 * a sandboxed iframe). Only simple reads: no credentials and no preflight, so cross-origin pages
 * cannot write, and the editors' forms (same origin) are untouched.
 *
 * <p>By hand rather than quarkus.http.cors: that filter is one policy for every path, and here
 * reads of two paths are open to every origin while the editor must stay closed to all of them.
 */
public class CorsHeaders {

    @ServerResponseFilter
    public void allowReads(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String path = RequestPaths.of(request.getUriInfo());
        if ((method.equals("GET") || method.equals("HEAD")) && (path.startsWith("/api/") || path.equals("/oembed"))) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }
}
