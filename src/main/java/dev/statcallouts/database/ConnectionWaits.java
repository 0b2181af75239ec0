package dev.statcallouts.database;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ends a wait for a pooled connection that has outlived the acquisition timeout, so that a frozen
 * database gets a quick 503 on every path instead of a request that never ends.
 *
 * <p>The pool (Agroal) waits with {@code LinkedTransferQueue.poll(timeout)}, which on Java 17 can
 * spin past its timeout for as long as no connection comes back (JDK-8301341, fixed in Java 22
 * and 21.0.2, never in 17): with the database frozen and many readers waiting, now and then one
 * request spun a core for as long as the database stayed frozen. That loop still notices an
 * interrupt, after which the pool throws "Interrupted while acquiring", answered like any other
 * unreachable database. Hand-made because neither the pool nor Quarkus has a setting that bounds
 * the wait, and fault tolerance's {@code @Timeout} would need an annotation on every path that
 * may touch the database.
 *
 * <p>Work that may wait for a connection is registered while it runs: a request on a worker thread
 * ({@link ConnectionWaitFilters}), a scheduled job ({@link WatchedWaits}). Every quarter second, registered work that is running (a spin, where a sound wait is
 * parked) has its stack looked at; work seen inside the pool's wait at every look for longer than
 * the acquisition timeout and a margin is interrupted.
 */
@ApplicationScoped
public class ConnectionWaits {

    private static final Duration SWEEP = Duration.ofMillis(250);

    /** Beyond the acquisition timeout: two looks, so that a wait that ends on time is never taken for one that does not. */
    private static final Duration MARGIN = SWEEP.multipliedBy(2);

    @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout", defaultValue = "5s")
    Duration acquisitionTimeout;

    @Inject
    MeterRegistry registry;

    /** The frame of the pool's wait for a connection, as a class and a method name. */
    String waitClass = "io.agroal.pool.ConnectionPool";

    String waitMethod = "handlerFromSharedCache";

    private final Map<Thread, Work> running = new ConcurrentHashMap<>();
    private ScheduledExecutorService sweeper;
    private Counter ended;

    /** Work on one thread, from {@link #enter} to {@link #leave}. */
    public static final class Work {
        private final Thread thread = Thread.currentThread();
        private final long since = System.nanoTime();

        /** When the sweeper first saw it waiting in the pool without a break (System.nanoTime), or 0. */
        private long waitingSince;

        private boolean over;
        private boolean interrupted;
    }

    @PostConstruct
    void start() {
        ended = Counter.builder("statcallouts.database.stuck.waits")
                .description("Waits for a pooled connection ended by an interrupt, past the acquisition timeout")
                .register(registry);
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "connection-waits");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /**
     * Registers work on the current thread, which may wait for a connection, until {@link #leave}:
     * a request, which takes the place of whatever its thread was registered for before.
     */
    public Work enter() {
        Work work = new Work();
        running.put(work.thread, work);
        return work;
    }

    /** Registers work on the current thread unless it is registered already (null then). */
    Work join() {
        Work current = running.get(Thread.currentThread());
        return current != null ? null : enter();
    }

    /** Ends the work (none if null); on its own thread, also clears an interrupt made for it. */
    public void leave(Work work) {
        if (work == null) {
            return;
        }
        running.remove(work.thread, work);
        boolean interrupted;
        synchronized (work) {
            work.over = true;
            interrupted = work.interrupted;
        }
        if (interrupted && Thread.currentThread() == work.thread) {
            Thread.interrupted();
        }
    }

    /** The threads whose work is registered now. */
    Set<Thread> registered() {
        return Set.copyOf(running.keySet());
    }

    void sweep() {
        long now = System.nanoTime();
        long limit = acquisitionTimeout.plus(MARGIN).toNanos();
        for (Work work : running.values()) {
            if (now - work.since < SWEEP.toNanos()) {
                continue;
            }
            synchronized (work) {
                if (work.over) {
                    continue;
                }
                boolean waiting = work.thread.getState() == Thread.State.RUNNABLE && inPoolWait(work.thread);
                if (!waiting) {
                    work.waitingSince = 0;
                } else if (work.waitingSince == 0) {
                    work.waitingSince = now;
                } else if (now - work.waitingSince > limit) {
                    work.interrupted = true;
                    work.waitingSince = 0;
                    work.thread.interrupt();
                    ended.increment();
                }
            }
        }
    }

    boolean inPoolWait(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(waitClass) && frame.getMethodName().equals(waitMethod)) {
                return true;
            }
        }
        return false;
    }
}
