package dev.statcallouts.usage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Counts card views per figure, embedding page and day, from the {@code Referer} of the embed
 * request. Counting is a map update on the request's thread; a background task writes the sums
 * in one batch every few seconds (and at shutdown). Nothing about the reader is kept.
 */
@ApplicationScoped
public class EmbedViews {

    /** One counter: which figure, on which page, which day (UTC). */
    public record Key(String slug, LocalDate day, String site, String page) {
    }

    /** A counter's sum, ready to be written. */
    public record Count(Key key, long views, Instant lastSeen) {
    }

    private static final class Counter {
        final LongAdder views = new LongAdder();
        volatile Instant lastSeen = Instant.now();
    }

    @Inject
    UsageConfig config;

    @Inject
    UsageWriter writer;

    private volatile Map<Key, Counter> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embed-views-flush");
            thread.setDaemon(true);
            return thread;
        });
        long millis = config.flushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (flusher != null) {
            flusher.shutdown();
            flushQuietly();
        }
    }

    /** Counts one view of a figure's card embedded on the page a {@code Referer} names (if any). */
    public void count(String slug, String referer) {
        if (!config.enabled()) {
            return;
        }
        Key key = key(slug, referer, LocalDate.now(ZoneOffset.UTC));
        if (key == null) {
            return;
        }
        Map<Key, Counter> current = pending;
        Counter counter = current.get(key);
        if (counter == null) {
            if (current.size() >= config.maxPending()) {
                return;
            }
            counter = current.computeIfAbsent(key, k -> new Counter());
        }
        counter.views.increment();
        counter.lastSeen = Instant.now();
    }

    /** Writes everything counted so far; returns how many counters were written. */
    public synchronized int flush() {
        Map<Key, Counter> taken = pending;
        pending = new ConcurrentHashMap<>();
        if (taken.isEmpty()) {
            return 0;
        }
        List<Count> counts = new ArrayList<>(taken.size());
        taken.forEach((key, counter) -> counts.add(new Count(key, counter.views.sum(), counter.lastSeen)));
        try {
            writer.write(counts);
        } catch (RuntimeException e) {
            // Keep the counts for the next attempt rather than lose them with the database away.
            counts.forEach(c -> pending.computeIfAbsent(c.key(), k -> new Counter()).views.add(c.views()));
            throw e;
        }
        return counts.size();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf("Embed views not written yet: %s", e.getMessage());
        }
    }

    /**
     * The page of a Referer: scheme, host and path (query and fragment dropped, they may carry
     * reader identifiers). Null when there is no usable http(s) Referer.
     */
    static Key key(String slug, String referer, LocalDate day) {
        if (referer == null || referer.isBlank() || referer.length() > 2000) {
            return null;
        }
        try {
            URI uri = new URI(referer.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            String site = scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String page = site + path;
            return new Key(slug, day, site.length() > 255 ? site.substring(0, 255) : site,
                    page.length() > 1000 ? page.substring(0, 1000) : page);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
