package dev.statcallouts.usage;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.statcallouts.database.WatchedWaits;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Counts card views per figure, embedding page and day, from the {@code Referer} of the embed
 * request. Counting is a map update on the request's thread; a background task writes the sums
 * in one batch every few seconds (and at shutdown). Nothing about the reader is kept.
 */
@ApplicationScoped
public class UsageCounter {

    /** One counter: which figure, on which page, which day (UTC). */
    public record Key(String slug, LocalDate day, String site, String page) {}

    /** A counter's sum, ready to be written. */
    public record Count(Key key, long views, Instant lastSeen) {}

    private static final class Counter {
        final LongAdder views = new LongAdder();
        volatile Instant lastSeen = Instant.now();
    }

    @Inject
    UsageConfig config;

    private static final String UPSERT = """
            insert into embed_view (stat_id, day, site, page, views, last_seen)
            select s.id, ?, ?, ?, ?, ? from stat s where s.slug = ?
               and (exists (select 1 from embed_view e where e.stat_id = s.id and e.day = ? and e.page = ?)
                    or (select count(*) from embed_view e where e.stat_id = s.id and e.day = ?) < ?)
            on conflict (stat_id, day, page) do update
               set views = embed_view.views + excluded.views,
                   last_seen = greatest(embed_view.last_seen, excluded.last_seen)
            """;

    @Inject
    EntityManager em;

    /** Longest page address counted; longer ones are no article's. */
    static final int MAX_PAGE_LENGTH = 500;

    private volatile Map<Key, Counter> pending = new ConcurrentHashMap<>();

    /** Hashes of the pages counted today per figure: at most {@code max-pages-per-day} each. */
    private final Map<String, Set<Integer>> pagesToday = new ConcurrentHashMap<>();

    private volatile LocalDate today = LocalDate.MIN;

    /** Writes what was counted every {@code flush-interval}; a write that fails keeps the counts for the next. */
    @Scheduled(every = "${statcallouts.usage.flush-interval}", concurrentExecution = ConcurrentExecution.SKIP)
    @WatchedWaits
    void flushPeriodically() {
        if (config.enabled()) {
            flushQuietly();
        }
    }

    /** Deletes the counts of days past the retention, hourly. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = ConcurrentExecution.SKIP)
    @WatchedWaits
    void purgeHourly() {
        if (config.enabled()) {
            try {
                purge();
            } catch (RuntimeException e) {
                Log.warnf("Old embed view counts not deleted yet: %s", e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (config.enabled()) {
            flushQuietly();
        }
    }

    /** Counts one view of each of these figures (a card or a collection's) on the page a {@code Referer} names. */
    public void count(List<String> slugs, String referer) {
        for (String slug : slugs) {
            count(slug, referer);
        }
    }

    /** Counts one view of a figure's card embedded on the page a {@code Referer} names (if any). */
    public void count(String slug, String referer) {
        if (!config.enabled() || referer == null) {
            // Without a Referer there is no page to count the view on, and no day to read for it.
            return;
        }
        Key key = key(slug, referer, LocalDate.now(ZoneOffset.UTC));
        if (key == null || !withinPagesOfTheDay(key)) {
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
            QuarkusTransaction.requiringNew().run(() -> write(counts, config.maxPagesPerDay()));
        } catch (RuntimeException e) {
            // Keep the counts for the next attempt rather than lose them with the database away,
            // within the same bound as new counts.
            for (Count c : counts) {
                Map<Key, Counter> current = pending;
                if (current.size() < config.maxPending() || current.containsKey(c.key())) {
                    current.computeIfAbsent(c.key(), k -> new Counter()).views.add(c.views());
                }
            }
            throw e;
        }
        return counts.size();
    }

    /**
     * Adds the counts in one batched upsert; a page new for its figure and day is only added while
     * that day has fewer than {@code maxPagesPerDay} pages (other instances count too).
     */
    private void write(List<Count> counts, int maxPagesPerDay) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Count count : counts) {
                    upsert.setDate(1, Date.valueOf(count.key().day()));
                    upsert.setString(2, count.key().site());
                    upsert.setString(3, count.key().page());
                    upsert.setLong(4, count.views());
                    upsert.setTimestamp(5, Timestamp.from(count.lastSeen()));
                    upsert.setString(6, count.key().slug());
                    upsert.setDate(7, Date.valueOf(count.key().day()));
                    upsert.setString(8, count.key().page());
                    upsert.setDate(9, Date.valueOf(count.key().day()));
                    upsert.setInt(10, maxPagesPerDay);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    /** Whether the page may be counted: one already counted today, or one more within the day's cap. */
    private boolean withinPagesOfTheDay(Key key) {
        if (!key.day().equals(today)) {
            synchronized (pagesToday) {
                if (!key.day().equals(today)) {
                    pagesToday.clear();
                    today = key.day();
                }
            }
        }
        Set<Integer> pages = pagesToday.computeIfAbsent(key.slug(), s -> ConcurrentHashMap.newKeySet());
        int page = key.page().hashCode();
        return pages.contains(page) || (pages.size() < config.maxPagesPerDay() && pages.add(page));
    }

    /** Deletes the counts of days past the retention. */
    public void purge() {
        Date oldestKept = Date.valueOf(
                LocalDate.now(ZoneOffset.UTC).minusDays(config.retention().toDays()));
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from embed_view where day < ?1")
                        .setParameter(1, oldestKept)
                        .executeUpdate());
        if (purged > 0) {
            Log.infof(
                    "Deleted %d embed view counts older than %d days",
                    purged, config.retention().toDays());
        }
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
        if (referer == null || referer.isBlank() || referer.length() > 2 * MAX_PAGE_LENGTH) {
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
            return site.length() > 255 || page.length() > MAX_PAGE_LENGTH ? null : new Key(slug, day, site, page);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
