package dev.statcallouts.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Anonymous reads of one address that miss memory at the same time: the first goes through to the
 * REST layer, and the others wait for it to end (at most {@link #MAX_WAITING} of them, for at most
 * {@code statcallouts.answers.share-readings-for}, 250 ms) and then look in memory again. So a
 * burst of readers of a figure nobody has read yet, or of one a change has just made stale, costs
 * one reading of the database instead of one each, and holds one answer's garbage instead of one
 * per reader.
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

    private static final class Reading {
        private final List<Runnable> waiting = new ArrayList<>();
        private boolean over;
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
     * {@code ctx} is the reading of {@code key} until its response ends, and goes on at once.
     */
    boolean waits(String key, RoutingContext ctx, Handler<RoutingContext> resume) {
        if (waitMs < 1) {
            return false;
        }
        Reading reading = new Reading();
        Reading earlier = underWay.putIfAbsent(key, reading);
        if (earlier == null) {
            long timer = ctx.vertx().setTimer(waitMs, id -> over(key, reading));
            ctx.addEndHandler(ended -> {
                ctx.vertx().cancelTimer(timer);
                over(key, reading);
            });
            return false;
        }
        Context context = ctx.vertx().getOrCreateContext();
        synchronized (earlier) {
            if (earlier.over || earlier.waiting.size() >= MAX_WAITING) {
                return false;
            }
            earlier.waiting.add(() -> context.runOnContext(ignored -> {
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

    private void over(String key, Reading reading) {
        underWay.remove(key, reading);
        List<Runnable> waiting;
        synchronized (reading) {
            if (reading.over) {
                return;
            }
            reading.over = true;
            waiting = List.copyOf(reading.waiting);
            reading.waiting.clear();
        }
        waiting.forEach(Runnable::run);
    }
}
