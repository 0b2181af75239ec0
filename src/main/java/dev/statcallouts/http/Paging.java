package dev.statcallouts.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
        return page.hasNext() ? page.withNext(addresses(uri) + (page.page() + 1)) : page;
    }

    /** The answer with its {@code Link} header. */
    public static <T> RestResponse.ResponseBuilder<Page<T>> links(
            RestResponse.ResponseBuilder<Page<T>> answer, Page<T> page, UriInfo uri) {
        int last = Math.max(1, page.totalPages());
        String addresses = addresses(uri);
        List<String> links = new ArrayList<>();
        links.add(link(addresses, 1, "first"));
        if (page.page() > 1) {
            links.add(link(addresses, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(addresses, page.page() + 1, "next"));
        }
        links.add(link(addresses, last, "last"));
        return answer.header("Link", String.join(", ", links));
    }

    private static String link(String addresses, int page, String rel) {
        return "<" + addresses + page + ">; rel=\"" + rel + "\"";
    }

    /**
     * The request's path and query, as sent, without its {@code page} parameters and ending in
     * {@code page=}: each page's address is it and a number, built once per answer rather than
     * once per link (a URI builder parses the address again each time).
     */
    private static String addresses(UriInfo uri) {
        URI request = uri.getRequestUri();
        StringBuilder address = new StringBuilder(request.getRawPath()).append('?');
        String query = request.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !isPage(parameter)) {
                    address.append(parameter).append('&');
                }
            }
        }
        return address.append("page=").toString();
    }

    /** Whether a parameter, as sent, names the page (its name decoded as the REST layer reads it: {@code pag%65}). */
    private static boolean isPage(String parameter) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        if (name.indexOf('%') >= 0 || name.indexOf('+') >= 0) {
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                return false;
            }
        }
        return name.equals("page");
    }
}
