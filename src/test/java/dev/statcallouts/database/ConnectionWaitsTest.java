package dev.statcallouts.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalPropertiesReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * {@link ConnectionWaits} interrupts only registered work that spins inside the pool's wait past
 * the acquisition timeout (what Java 17's LinkedTransferQueue does now and then, JDK-8301341), and
 * it recognises the wait of the pool the service runs on.
 */
class ConnectionWaitsTest {

    private static final Duration ACQUISITION_TIMEOUT = Duration.ofMillis(300);

    /** Longer than the acquisition timeout, the margin and a few sweeps. */
    private static final Duration WATCHED = Duration.ofMillis(2000);

    private ConnectionWaits waits;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void start() {
        registry = new SimpleMeterRegistry();
        waits = new ConnectionWaits();
        waits.acquisitionTimeout = ACQUISITION_TIMEOUT;
        waits.registry = registry;
        waits.waitClass = ConnectionWaitsTest.class.getName();
        waits.waitMethod = "waitForConnection";
        waits.start();
    }

    @AfterEach
    void stop() {
        waits.stop();
    }

    /** Stands for the pool's wait: spins (the broken wait) or parks (a sound one) until stopped or interrupted. */
    private static boolean waitForConnection(boolean spin, Duration atMost) {
        return busy(spin, atMost);
    }

    /** The same, in a frame that is not the pool's wait. */
    private static boolean somethingElse(boolean spin, Duration atMost) {
        return busy(spin, atMost);
    }

    /** Whether it was interrupted before {@code atMost}. */
    private static boolean busy(boolean spin, Duration atMost) {
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() - until < 0) {
            if (Thread.currentThread().isInterrupted()) {
                return true;
            }
            if (spin) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        return false;
    }

    /** What happened on a thread of its own: how long it took, whether it was interrupted, and the flag after it left. */
    record Outcome(long millis, boolean interrupted, boolean flagAfterLeaving) {}

    private Outcome onThread(boolean register, Consumer<AtomicBoolean> work) {
        return CompletableFuture.supplyAsync(() -> {
                    ConnectionWaits.Work registered = register ? waits.enter() : null;
                    long start = System.nanoTime();
                    AtomicBoolean interrupted = new AtomicBoolean();
                    work.accept(interrupted);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    waits.leave(registered);
                    boolean flag = Thread.interrupted();
                    return new Outcome(millis, interrupted.get(), flag);
                })
                .join();
    }

    private double ended() {
        return registry.get("statcallouts.database.stuck.waits").counter().count();
    }

    @Test
    void aWaitSpinningPastTheTimeoutIsInterruptedAndTheFlagClearedWhenItsWorkEnds() {
        Outcome outcome =
                onThread(true, interrupted -> interrupted.set(waitForConnection(true, Duration.ofSeconds(20))));
        assertThat(outcome.interrupted()).isTrue();
        assertThat(outcome.millis())
                .as("after the acquisition timeout and its margin, within a few sweeps")
                .isBetween(ACQUISITION_TIMEOUT.plusMillis(500).toMillis(), 2500L);
        assertThat(outcome.flagAfterLeaving())
                .as("no interrupt left for the thread's next work")
                .isFalse();
        assertThat(ended()).isEqualTo(1.0);
    }

    @Test
    void aParkedWaitIsASoundOneAndLeftAlone() {
        Outcome outcome = onThread(true, interrupted -> interrupted.set(waitForConnection(false, WATCHED)));
        assertThat(outcome.interrupted()).isFalse();
        assertThat(ended()).isZero();
    }

    @Test
    void longWorkOutsideThePoolsWaitIsLeftAlone() {
        Outcome outcome = onThread(true, interrupted -> interrupted.set(somethingElse(true, WATCHED)));
        assertThat(outcome.interrupted()).isFalse();
        assertThat(ended()).isZero();
    }

    @Test
    void unregisteredWorkAndWorkThatEndedAreLeftAlone() {
        assertThat(onThread(false, interrupted -> interrupted.set(waitForConnection(true, WATCHED)))
                        .interrupted())
                .isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> {
                            waits.leave(waits.enter());
                            return waitForConnection(true, WATCHED);
                        })
                        .join())
                .isFalse();
        assertThat(ended()).isZero();
    }

    @Test
    void theWaitItLooksForIsThePoolsOwn() throws Exception {
        ConnectionWaits real = new ConnectionWaits();
        AgroalPropertiesReader properties = new AgroalPropertiesReader()
                .readProperties(Map.of(
                        AgroalPropertiesReader.JDBC_URL, "jdbc:postgresql://127.0.0.1:5432/statcallouts_test",
                        AgroalPropertiesReader.PRINCIPAL, "postgres",
                        AgroalPropertiesReader.MAX_SIZE, "1",
                        AgroalPropertiesReader.ACQUISITION_TIMEOUT_S, "10"));
        try (AgroalDataSource pool = AgroalDataSource.from(properties.get());
                Connection only = pool.getConnection()) {
            Thread waiting = new Thread(() -> {
                try (Connection next = pool.getConnection()) {
                    next.isValid(1);
                } catch (Exception expected) {
                    // the pool closes under it at the end of the test
                }
            });
            waiting.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.getState() == Thread.State.TIMED_WAITING);
            assertThat(real.inPoolWait(waiting)).isTrue();
            assertThat(real.inPoolWait(Thread.currentThread())).isFalse();
            only.close();
            waiting.join(5000);
        }
    }
}
