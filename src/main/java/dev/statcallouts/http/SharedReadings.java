package dev.statcallouts.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * Anonymous reads of one address that miss memory at the same time: the first goes through to the
 * REST layer, and the others wait for it to end (at most {@link #MAX_WAITING} of them, for at most
 * {@code statcallouts.answers.share-readings-for}, 250 ms, from the first one's arrival) and then
 * look in memory again. So a burst of readers of a figure nobody has read yet, or of one a change
 * has just made stale, costs one reading of the database instead of one each, and holds one
 * answer's garbage instead of one per reader. A reading nobody waits for costs a map entry.
 *
 * <p>The wait is short on purpose: a reading that takes longer (a slow or frozen database) lets its
 * waiters go through on their own, so that each of them gets its own quick answer (503 with
 * Retry-After) within the same bounds as without this.
 *
 * <p>Hand-made: the answers are kept by {@link AnswerCache} only after the REST layer has written
 * them, outside any loader a cache library could coalesce on.
 */
final class SharedReadings {

    /** The most requests that wait for one reading; any more go through. */
    static final int MAX_WAITING = 256;

    /**
     * The most readings tracked at once. A reading whose client left before its answer was written
     * is never told it ended, so past this many, those older than {@link #STALE_NANOS} are
     * forgotten, and while there are still this many no new reading is shared.
     */
    static final int MAX_READINGS = 4096;

    private static final long STALE_NANOS = 10_000_000_000L;

    private static final class Reading {
        private final long since = System.nanoTime();
        private final List<Runnable> waiting = new ArrayList<>();
        private boolean over;
        /** Set by the first request that waits (a reading nobody waits for needs none). */
        private long timer = -1;
    }

    private final ConcurrentHashMap<String, Reading> underWay = new ConcurrentHashMap<>();
    private final long waitMs;

    /** @param waitMs the longest a request waits for another's reading; under 1, none waits */
    SharedReadings(long waitMs) {
        this.waitMs = waitMs;
    }

    /**
     * Whether {@code ctx} waits for a reading of {@code key} that is already under way; when that
     * ends (or the wait is up), {@code resume} runs with it on its own context. Otherwise
     * {@code ctx} is the reading of {@code key} until its headers are written, and goes on at once.
     */
    boolean waits(String key, RoutingContext ctx, Handler<RoutingContext> resume) {
        if (waitMs < 1) {
            return false;
        }
        Reading earlier = underWay.get(key);
        if (earlier == null) {
            if (underWay.size() >= MAX_READINGS) {
                long now = System.nanoTime();
                underWay.values().removeIf(stale -> now - stale.since > STALE_NANOS);
                if (underWay.size() >= MAX_READINGS) {
                    return false;
                }
            }
            Reading reading = new Reading();
            earlier = underWay.putIfAbsent(key, reading);
            if (earlier == null) {
                // Once its headers are written, AnswerCapture has kept its answer (or will not):
                // the waiters go on after that handler, in a task of their own. (An end handler
                // would cost a fifth of a miss's rate here: bench/reads.sh's new pages.)
                Context leader = ctx.vertx().getOrCreateContext();
                ctx.addHeadersEndHandler(written -> leader.runOnContext(after -> over(ctx.vertx(), key, reading)));
                return false;
            }
        }
        Reading under = earlier;
        Context context = ctx.vertx().getOrCreateContext();
        synchronized (under) {
            if (under.over || under.waiting.size() >= MAX_WAITING) {
                return false;
            }
            if (under.timer < 0) {
                under.timer = ctx.vertx().setTimer(waitMs, id -> over(ctx.vertx(), key, under));
            }
            under.waiting.add(() -> context.runOnContext(ignored -> {
                if (!ctx.response().closed() && !ctx.response().ended()) {
                    resume.handle(ctx);
                }
            }));
        }
        return true;
    }

    /** Requests waiting for a reading now (for the tests). */
    int waiting() {
        int waiting = 0;
        for (Reading reading : underWay.values()) {
            synchronized (reading) {
                waiting += reading.waiting.size();
            }
        }
        return waiting;
    }

    private void over(Vertx vertx, String key, Reading reading) {
        underWay.remove(key, reading);
        List<Runnable> waiting;
        long timer;
        synchronized (reading) {
            if (reading.over) {
                return;
            }
            reading.over = true;
            waiting = List.copyOf(reading.waiting);
            reading.waiting.clear();
            timer = reading.timer;
        }
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        waiting.forEach(Runnable::run);
    }
}
