package dev.statcallouts.database;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.logging.Log;

/**
 * The log of an expected outage: one line per kind of failure per interval, with how many there
 * were, and never a stack trace. A database that is down for a minute writes a few lines, not one
 * per request.
 */
public final class OutageLog {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    /** Per kind: when it was last written (System.nanoTime) and how many came since. */
    private static final class Tally {
        volatile long lastWritten = Long.MIN_VALUE;
        final AtomicLong since = new AtomicLong();
    }

    private static final Map<String, Tally> TALLIES = new ConcurrentHashMap<>();

    private OutageLog() {}

    /** Counts one failure of this kind; writes a line if none was written for it in the interval. */
    public static void report(String kind, String detail) {
        Tally tally = TALLIES.computeIfAbsent(kind, k -> new Tally());
        long count = tally.since.incrementAndGet();
        long now = System.nanoTime();
        long last = tally.lastWritten;
        if (last != Long.MIN_VALUE && now - last < INTERVAL.toNanos()) {
            return;
        }
        synchronized (tally) {
            if (tally.lastWritten != last) {
                return; // another thread wrote this interval's line
            }
            tally.lastWritten = now;
            count = tally.since.getAndSet(0);
        }
        Log.warnf(
                "Database %s: %s (%d such failure%s since the last report; next report in %d s at the earliest)",
                kind, detail, count, count == 1 ? "" : "s", INTERVAL.toSeconds());
    }
}
