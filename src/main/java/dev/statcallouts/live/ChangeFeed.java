package dev.statcallouts.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.statcallouts.embed.CardCache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every instance listens to the changes all instances announce (PostgreSQL LISTEN on a connection
 * of its own, no other broker): it drops the cards they affect and tells its live readers. When the
 * connection breaks it reconnects with backoff and, since it may have missed changes meanwhile,
 * drops every cached card and tells every live reader to look again.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final long POLL_MILLIS = 500;

    @Inject
    CardCache cache;

    @Inject
    LiveUpdates updates;

    @Inject
    LiveConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean running;
    private volatile boolean connected;
    private Thread listener;
    private ScheduledExecutorService settle;

    void start(@Observes StartupEvent event) {
        running = true;
        settle = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "change-feed-settle"));
        listener = daemon(this::listen, "change-feed");
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (settle != null) {
            settle.shutdownNow();
        }
    }

    /** Whether the feed is listening right now (for readiness and tests). */
    public boolean isConnected() {
        return connected;
    }

    private void listen() {
        long delay = 250;
        boolean everConnected = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials());
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + Change.CHANNEL);
                connected = true;
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
                    // getNotifications only notices a dead connection when it reads; a query does.
                    statement.execute("select 1");
                }
            } catch (SQLException e) {
                if (running) {
                    Log.warnf("Change feed disconnected (%s); retrying in %d ms", e.getMessage(), delay);
                }
            } finally {
                connected = false;
            }
            sleep(delay);
            delay = Math.min(delay * 2, config.maxReconnectDelay().toMillis());
        }
    }

    private void apply(Change change) {
        long seen = System.nanoTime();
        invalidate(change, Long.MAX_VALUE);
        updates.publish(change);
        // A render that read the old state just before the commit may cache it after the first
        // drop: drop again what was read before the change arrived (what was read after is new).
        settle.schedule(() -> invalidate(change, seen), config.settleDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void invalidate(Change change, long readBefore) {
        switch (change.kind()) {
            case 's' -> cache.invalidateStat(change.slug(), readBefore);
            case 'c' -> cache.invalidateCollection(change.slug(), readBefore);
            default -> cache.invalidateAll();
        }
    }

    private Properties credentials() {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "stat-callouts change feed");
        properties.setProperty("connectTimeout", "5");
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

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
