package dev.statcallouts.http;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.statcallouts.site.SiteConfig;

/**
 * Every {@code Location} on our own host points at our own public URL. JAX-RS completes a
 * relative location from the request's {@code Host}, which any client sets: a redirect built from
 * it would send a browser wherever that header says. A location elsewhere (a figure's source,
 * which {@code /s/{slug}/sources/{n}} sends readers on to) is left as it is.
 */
public class PublicLocation {

    // Filters are created while the application starts, before runtime configuration is available.
    @Inject
    Provider<SiteConfig> site;

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = URI.create(location.toString());
        if (uri.getRawAuthority() != null
                && !uri.getRawAuthority()
                        .equalsIgnoreCase(request.getUriInfo().getBaseUri().getRawAuthority())) {
            return;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        response.getHeaders().putSingle(HttpHeaders.LOCATION, site.get().publicUrl() + path + query);
    }
}
