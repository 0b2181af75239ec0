package dev.statcallouts.http;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * What operators read from an access log, at a bounded cost: one line per interval with the
 * requests answered, by status class, their mean time, the busiest routes and those that
 * failed. It reads the HTTP server metrics that are kept anyway (Prometheus, {@code /q/metrics}
 * on the management port, which also has them per route and status); a line per request would
 * halve the rate of cached cards and let any reader write the log as fast as they can ask.
 * The full access log stays one setting away ({@code QUARKUS_HTTP_ACCESS_LOG_ENABLED=true}).
 */
@ApplicationScoped
public class TrafficLog {

    private static final int ROUTES_NAMED = 3;

    @Inject
    MeterRegistry registry;

    /** Requests and total nanoseconds per route and status, as of the last line. */
    private Map<Route, long[]> previous = new HashMap<>();

    /** A route as the metrics name it: its template (never a reader's own path) and status. */
    record Route(String uri, String status) {}

    @Scheduled(
            every = "${statcallouts.traffic-log.interval}",
            delayed = "${statcallouts.traffic-log.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void write() {
        line().ifPresent(Log::info);
    }

    /** The line of what was answered since the last one; empty if nothing was. */
    synchronized Optional<String> line() {
        Map<Route, long[]> now = new HashMap<>();
        for (Timer timer : registry.find("http.server.requests").timers()) {
            Route route = new Route(timer.getId().getTag("uri"), timer.getId().getTag("status"));
            now.merge(route, new long[] {timer.count(), (long) timer.totalTime(TimeUnit.NANOSECONDS)}, (a, b) ->
                    new long[] {a[0] + b[0], a[1] + b[1]});
        }
        Map<Route, long[]> since = new HashMap<>();
        now.forEach((route, totals) -> {
            long[] before = previous.getOrDefault(route, new long[2]);
            long count = totals[0] - before[0];
            if (count > 0) {
                since.put(route, new long[] {count, totals[1] - before[1]});
            }
        });
        previous = now;
        if (since.isEmpty()) {
            return Optional.empty();
        }
        long requests = since.values().stream().mapToLong(t -> t[0]).sum();
        long nanos = since.values().stream().mapToLong(t -> t[1]).sum();
        Map<String, Long> byClass = new TreeMap<>();
        since.forEach((route, t) -> byClass.merge(statusClass(route.status()), t[0], Long::sum));
        StringBuilder line = new StringBuilder("Traffic: ")
                .append(requests)
                .append(requests == 1 ? " request (" : " requests (")
                .append(byClass.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("), mean ")
                .append(String.format(Locale.ROOT, "%.1f", nanos / 1e6 / requests))
                .append(" ms; busiest: ")
                .append(busiest(since, route -> true));
        String failed = busiest(since, route -> route.status().startsWith("5"));
        if (!failed.isEmpty()) {
            line.append("; 5xx from: ").append(failed);
        }
        return Optional.of(line.toString());
    }

    /** A route template without the patterns of its parameters: {@code /api/stats/{slug}}. */
    static String template(String uri) {
        if (uri == null) {
            return "other";
        }
        StringBuilder out = new StringBuilder(uri.length());
        int depth = 0;
        boolean pattern = false;
        for (char c : uri.toCharArray()) {
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    pattern = false;
                }
            } else if (c == ':' && depth == 1) {
                pattern = true;
            }
            if (!pattern || (c == '}' && depth == 0)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String statusClass(String status) {
        return status == null || status.length() != 3 ? "other" : status.charAt(0) + "xx";
    }

    /** The routes with the most requests among those chosen, with their counts. */
    private static String busiest(Map<Route, long[]> since, Predicate<Route> chosen) {
        Map<String, Long> byUri = new HashMap<>();
        since.forEach((route, t) -> {
            if (chosen.test(route)) {
                byUri.merge(template(route.uri()), t[0], Long::sum);
            }
        });
        return byUri.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(ROUTES_NAMED)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
