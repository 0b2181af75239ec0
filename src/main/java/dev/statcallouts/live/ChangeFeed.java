package dev.statcallouts.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.statcallouts.auth.TokenService;
import dev.statcallouts.database.OutageLog;
import dev.statcallouts.embed.CardCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Every instance listens to the changes all instances announce (PostgreSQL LISTEN on a connection
 * of its own, no other broker): it drops the cards they affect and tells its live readers, and
 * forgets the API tokens it remembers when one is revoked (it remembers none while not
 * listening). When the connection breaks it reconnects with backoff and, since it may have missed
 * changes meanwhile, drops every cached card and tells every live reader to look again.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final long POLL_MILLIS = 500;

    /** A poll, the socket timeout of its query (1 s) and the connect timeout (2 s), and a margin. */
    private static final long STOP_WAIT_MILLIS = 4_000;

    @Inject
    CardCache cache;

    @Inject
    LiveUpdates updates;

    @Inject
    LiveConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    TokenService tokens;

    /** From a change's write on any instance to its caches dropped here (wall clocks, so skew counts too). */
    private Timer lag;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile boolean connected;
    /** When the feed's connection last answered (System.nanoTime). */
    private volatile long lastAnswer = Long.MIN_VALUE;

    /** A change to invalidate once more when it has settled: what was read before {@code seen} (nanoTime). */
    private record Settling(Change change, long seen) {}

    /** The changes of the last {@code settle-delay} or two (the feed's own rate: writes, never readers). */
    private final Queue<Settling> settling = new ConcurrentLinkedQueue<>();

    // The feed blocks on its connection for its whole life: a thread of its own, not a pool's.
    private Thread listener;

    void start(@Observes StartupEvent event) {
        lag = Timer.builder("statcallouts.change.feed.lag")
                .description("From a change's write (any instance) to this instance dropping what it made stale")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("statcallouts.change.feed.connected", this, feed -> feed.connected ? 1 : 0)
                .description("Whether the change feed is listening")
                .register(registry);
        running = true;
        listener = new Thread(this::listen, "change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    /**
     * Ends the listener and waits for it (at most a poll, a query's socket timeout and a
     * connection's timeout): what it does last, telling the tokens to be remembered no longer,
     * needs the bean container, which goes right after this.
     */
    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the feed is listening right now (for readiness and tests). */
    public boolean isConnected() {
        return connected;
    }

    /**
     * Whether the feed's connection answered within {@code maxSilence}: a half-open connection
     * (the database frozen, a network path gone) stays "connected" until its socket times out.
     */
    public boolean answeredWithin(Duration maxSilence) {
        return connected && System.nanoTime() - lastAnswer < maxSilence.toNanos();
    }

    private void listen() {
        long delay = 250;
        boolean everConnected = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials());
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + Change.CHANNEL);
                lastAnswer = System.nanoTime();
                connected = true;
                // From here on no revocation passes unheard.
                tokens.remember(true);
                if (everConnected) {
                    Log.info("Change feed reconnected; dropping cached cards in case changes were missed");
                    apply(Change.RESYNC);
                }
                everConnected = true;
                delay = 250;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            Change change = Change.parse(notification.getParameter());
                            if (change != null) {
                                apply(change);
                            }
                        }
                    }
                    // getNotifications only notices a dead connection when it reads; a query does,
                    // within the socket timeout when the other end has gone silent.
                    statement.execute("select 1");
                    lastAnswer = System.nanoTime();
                }
            } catch (SQLException e) {
                if (running) {
                    OutageLog.report("change feed disconnected", e.getMessage() + "; reconnecting with backoff");
                }
            } finally {
                connected = false;
                tokens.remember(false);
            }
            sleep(delay);
            delay = Math.min(delay * 2, config.maxReconnectDelay().toMillis());
        }
    }

    private void apply(Change change) {
        if (change.kind() == Change.TOKENS) {
            tokens.forget();
            return;
        }
        long seen = System.nanoTime();
        invalidate(change, Long.MAX_VALUE);
        if (change.sentAt() > 0) {
            lag.record(Math.max(0, System.currentTimeMillis() - change.sentAt()), TimeUnit.MILLISECONDS);
        }
        updates.publish(change);
        // A render that read the old state just before the commit may cache it after the first
        // drop: drop again what was read before the change arrived (what was read after is new).
        settling.add(new Settling(change, seen));
    }

    /** The second invalidation of each change, once it is at least {@code settle-delay} old. */
    @Scheduled(every = "${statcallouts.live.settle-delay}", concurrentExecution = ConcurrentExecution.SKIP)
    void settle() {
        long settledBefore = System.nanoTime() - config.settleDelay().toNanos();
        for (Settling next = settling.peek();
                next != null && next.seen() - settledBefore <= 0;
                next = settling.peek()) {
            settling.poll();
            invalidate(next.change(), next.seen());
        }
    }

    private void invalidate(Change change, long readBefore) {
        switch (change.kind()) {
            case 's' -> cache.invalidateStat(change.slug(), readBefore);
            case 'c' -> cache.invalidateCollection(change.slug(), readBefore);
            default -> cache.invalidateAll(readBefore);
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "stat-callouts change feed");
        properties.setProperty("connectTimeout", "2");
        // A silent database (frozen, or a half-open connection) is noticed within a second.
        properties.setProperty("socketTimeout", "1");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
