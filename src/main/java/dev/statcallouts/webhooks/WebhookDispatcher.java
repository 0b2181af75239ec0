package dev.statcallouts.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.database.DatabaseFaults;
import dev.statcallouts.database.NativeValues;
import dev.statcallouts.database.OutageLog;
import dev.statcallouts.database.WatchedWaits;
import dev.statcallouts.stats.StatChanged;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * Sends the outbox's deliveries, on every instance. A delivery is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so no two instances send it; only the oldest pending
 * delivery of a figure (or collection) to an endpoint is claimable, so each endpoint gets a
 * figure's events in order, a failing one holding back those after it until it is delivered or
 * given up. Failures are retried with exponential backoff (and a little jitter) until
 * {@code retry-for} after the event. At shutdown the instance claims nothing more and waits for
 * the deliveries it is sending to be answered and recorded.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** Longer than any attempt takes (the response timeout and then some): a lease outlives its send. */
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookSender sender;

    @Inject
    Vertx vertx;

    record Claimed(long id, int attempts, Instant createdAt, WebhookSender.Message message) {}

    /** Claim rounds at most per poll, so that one instance's poll ends even under a stream of changes. */
    private static final int MAX_ROUNDS = 1000;

    /** After the database failed, polls wait this long: deliveries never compete with readers for a sick database. */
    private static final Duration OUTAGE_PAUSE = Duration.ofSeconds(5);

    /** One poll at a time; shutdown takes it for good. */
    private final Semaphore turn = new Semaphore(1);

    private volatile boolean stopping;
    private volatile long pausedUntil = System.nanoTime();
    private volatile boolean again;

    /** A change committed here: its deliveries go now, not at the next poll. */
    void statCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatChanged change) {
        wake();
    }

    void collectionCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CollectionChanged change) {
        wake();
    }

    private void wake() {
        again = true;
        if (turn.availablePermits() > 0) {
            vertx.executeBlocking(
                    () -> {
                        poll();
                        return null;
                    },
                    false);
        }
    }

    @Scheduled(
            every = "${statcallouts.webhooks.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WatchedWaits
    void poll() {
        if (System.nanoTime() - pausedUntil < 0 || !turn.tryAcquire()) {
            return;
        }
        try {
            // Each delivered event lets the next one of its figure go: claim again until nothing is due.
            int rounds = 0;
            do {
                again = false;
                while (!stopping && sendDue() > 0 && ++rounds < MAX_ROUNDS) {
                    Log.debug("Webhook deliveries: another round");
                }
            } while (!stopping && again && ++rounds < MAX_ROUNDS);
        } catch (RuntimeException e) {
            Optional<DatabaseFaults.Kind> outage = DatabaseFaults.of(e);
            if (outage.isPresent()) {
                pausedUntil = System.nanoTime() + OUTAGE_PAUSE.toNanos();
                OutageLog.report(outage.get().words, "webhook deliveries wait: " + e.getMessage());
            } else {
                Log.error("Webhook deliveries failed", e);
            }
        } finally {
            turn.release();
        }
    }

    /**
     * Claims nothing more, and waits (at most a connection and an answer's time) for a poll in
     * flight to record what its receivers answered: a delivery cut off here would stay leased,
     * unrecorded, and be sent again by another instance after its lease.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        Duration longest =
                config.connectTimeout().plus(config.responseTimeout()).plusSeconds(1);
        try {
            if (!turn.tryAcquire(longest.toMillis(), TimeUnit.MILLISECONDS)) {
                Log.warnf("Webhook deliveries still sending after %s at shutdown: left to their lease", longest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Claims the deliveries that are due, sends them at once, records what came of each; returns how many. */
    int sendDue() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        List<CompletableFuture<WebhookSender.Outcome>> sending = claimed.stream()
                .map(delivery -> sender.send(delivery.message()).toCompletableFuture())
                .toList();
        // Sent at once from the event loop; recorded here, on this worker thread.
        for (int i = 0; i < claimed.size(); i++) {
            Claimed delivery = claimed.get(i);
            WebhookSender.Outcome outcome = sending.get(i).join();
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        }
        return claimed.size();
    }

    private List<Claimed> claim() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with due as (
                    select d.id from webhook_delivery d
                    where d.state = 'PENDING' and d.next_attempt_at <= now()
                      and (d.lease_until is null or d.lease_until < now())
                      and not exists (
                          select 1 from webhook_delivery earlier
                          where earlier.endpoint_id = d.endpoint_id and earlier.subject = d.subject
                            and earlier.state = 'PENDING' and earlier.id < d.id)
                    order by d.id
                    limit ?1
                    for update of d skip locked)
                update webhook_delivery d
                set lease_until = now() + make_interval(secs => ?2), attempts = d.attempts + 1,
                    last_attempt_at = now()
                from due, webhook_event e, webhook_endpoint w
                where d.id = due.id and e.id = d.event_id and w.id = d.endpoint_id
                returning d.id, d.attempts, e.created_at, e.message_id, e.payload, w.url, w.secret
                """)
                .setParameter(1, config.batchSize())
                .setParameter(2, LEASE.toSeconds())
                .getResultList();
        return rows.stream()
                .map(r -> new Claimed(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).intValue(),
                        NativeValues.instant(r[2]),
                        new WebhookSender.Message((String) r[3], (String) r[4], (String) r[5], (String) r[6])))
                .toList();
    }

    private void record(Claimed delivery, WebhookSender.Outcome outcome) {
        em.createNativeQuery("""
                insert into webhook_attempt (delivery_id, at, duration_ms, status, error, response)
                values (?1, now(), ?2, ?3, ?4, ?5)""")
                .setParameter(1, delivery.id())
                .setParameter(2, (int) Math.min(Integer.MAX_VALUE, outcome.millis()))
                .setParameter(3, outcome.status())
                .setParameter(4, cut(outcome.error(), 500))
                .setParameter(5, cut(outcome.response(), 1000))
                .executeUpdate();
        if (outcome.delivered()) {
            em.createNativeQuery("""
                    update webhook_delivery set state = 'DELIVERED', delivered_at = now(), lease_until = null,
                        last_status = ?2, last_error = null where id = ?1""")
                    .setParameter(1, delivery.id())
                    .setParameter(2, outcome.status())
                    .executeUpdate();
            return;
        }
        Instant next = Instant.now().plus(delay(delivery.attempts()));
        boolean givenUp = next.isAfter(delivery.createdAt().plus(config.retryFor()));
        em.createNativeQuery("""
                update webhook_delivery set state = ?2, next_attempt_at = ?3, lease_until = null,
                    last_status = ?4, last_error = ?5 where id = ?1""")
                .setParameter(1, delivery.id())
                .setParameter(2, givenUp ? "FAILED" : "PENDING")
                .setParameter(3, next)
                .setParameter(4, outcome.status())
                .setParameter(5, cut(outcome.error() != null ? outcome.error() : "answered " + outcome.status(), 500))
                .executeUpdate();
    }

    /** The wait after this many attempts: first-retry doubled each time, at most max-retry-delay, ±10 %. */
    Duration delay(int attempts) {
        double base = config.firstRetry().toMillis() * Math.pow(2, Math.min(30, attempts - 1));
        double capped = Math.min(base, config.maxRetryDelay().toMillis());
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.9, 1.1)));
    }

    /** Deletes events (with their deliveries and attempts) older than the retention. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @WatchedWaits
    void forgetOld() {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "delete from webhook_event where created_at < now() - make_interval(secs => ?1)")
                            .setParameter(1, config.retention().toSeconds())
                            .executeUpdate());
        } catch (RuntimeException e) {
            DatabaseFaults.of(e)
                    .ifPresentOrElse(
                            outage -> OutageLog.report(outage.words, "old webhook events kept: " + e.getMessage()),
                            () -> Log.error("Deleting old webhook events failed", e));
        }
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
