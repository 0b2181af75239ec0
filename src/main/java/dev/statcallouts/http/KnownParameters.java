package dev.statcallouts.http;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.statcallouts.common.FieldError;

/**
 * An API request with a query parameter its operation does not take is refused (400, naming it
 * and what the operation takes) rather than answered as if the parameter were not there: a
 * misspelt {@code stauts=draft} must not look like a list without drafts.
 */
public class KnownParameters {

    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(UriInfo uri, ResourceInfo resource) {
        if (!RequestPaths.of(uri).startsWith("/api/") || resource.getResourceMethod() == null) {
            return;
        }
        Set<String> known = taken.computeIfAbsent(resource.getResourceMethod(), KnownParameters::queryParameters);
        for (String name : uri.getQueryParameters().keySet()) {
            if (!known.contains(name)) {
                String takes = known.isEmpty() ? "no query parameters" : "only " + String.join(", ", known);
                String message = "unknown query parameter; this operation takes " + takes;
                throw new ProblemException(
                        400,
                        "'" + abbreviated(name) + "': " + message,
                        List.of(new FieldError(abbreviated(name), message)));
            }
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }

    /** A reader's parameter name, cut so that the answer stays small. */
    private static String abbreviated(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "…";
    }
}
