package dev.statcallouts.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

import dev.statcallouts.common.Page;

/**
 * Links between the pages of a list (RFC 8288: first, prev, next, last) as the request's own
 * address with another {@code page}, every other parameter kept; the body names the next page too.
 */
public final class Paging {

    private Paging() {}

    /** The page with its {@code next} address set. */
    public static <T> Page<T> linked(Page<T> page, UriInfo uri) {
        return page.hasNext() ? page.withNext(address(uri, page.page() + 1)) : page;
    }

    /** The answer with its {@code Link} header. */
    public static <T> RestResponse.ResponseBuilder<Page<T>> links(
            RestResponse.ResponseBuilder<Page<T>> answer, Page<T> page, UriInfo uri) {
        int last = Math.max(1, page.totalPages());
        List<String> links = new ArrayList<>();
        links.add(link(uri, 1, "first"));
        if (page.page() > 1) {
            links.add(link(uri, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(uri, page.page() + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return answer.header("Link", String.join(", ", links));
    }

    private static String link(UriInfo uri, int page, String rel) {
        return "<" + address(uri, page) + ">; rel=\"" + rel + "\"";
    }

    private static String address(UriInfo uri, int page) {
        URI built = uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
        return built.getRawPath() + "?" + built.getRawQuery();
    }
}
