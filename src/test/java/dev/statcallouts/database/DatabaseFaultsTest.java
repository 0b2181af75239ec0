package dev.statcallouts.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

/** Which failures are a database outage (503), and of what kind; the rest are bugs. */
class DatabaseFaultsTest {

    @Test
    void aFailedCommitLeavesTheOutcomeOpen() {
        assertThat(DatabaseFaults.of(new RuntimeException(new RollbackException("ARJUNA016053: Could not commit"))))
                .hasValue(DatabaseFaults.Kind.COMMIT_UNKNOWN);
    }

    @Test
    void whatTheServerOrNetworkDoesToAConnection() {
        assertThat(DatabaseFaults.of(new PersistenceException(new SQLException("terminating connection", "57P01"))))
                .hasValue(DatabaseFaults.Kind.CONNECTION_LOST);
        assertThat(DatabaseFaults.of(new PersistenceException(new SQLException("I/O error", "08006"))))
                .hasValue(DatabaseFaults.Kind.CONNECTION_LOST);
        assertThat(DatabaseFaults.of(new PersistenceException(new SQLException("canceling statement", "57014"))))
                .hasValue(DatabaseFaults.Kind.TIMEOUT);
        assertThat(DatabaseFaults.of(new PersistenceException(
                        new SQLException("I/O", "08006", new SocketTimeoutException("Read timed out")))))
                .hasValue(DatabaseFaults.Kind.CONNECTION_LOST);
        assertThat(DatabaseFaults.of(new PersistenceException(
                        new SQLException("Acquisition timeout while waiting for new connection"))))
                .hasValue(DatabaseFaults.Kind.UNREACHABLE);
        assertThat(DatabaseFaults.of(new SQLException("the database system is starting up", "57P03")))
                .hasValue(DatabaseFaults.Kind.UNREACHABLE);
        // Seen under load with PostgreSQL frozen: the pool interrupts a driver that is still connecting.
        assertThat(DatabaseFaults.of(new PersistenceException(new SQLException(
                        "Something unusual has occurred",
                        "XX000",
                        new RuntimeException("Interrupted while attempting to connect.")))))
                .hasValue(DatabaseFaults.Kind.UNREACHABLE);
    }

    @Test
    void anythingElseIsABug() {
        assertThat(DatabaseFaults.of(new IllegalStateException("boom"))).isEmpty();
        assertThat(DatabaseFaults.of(new PersistenceException(new SQLException("duplicate key", "23505"))))
                .isEmpty();
        assertThat(DatabaseFaults.refusedNulCharacter(
                        new PersistenceException(new SQLException("invalid byte", "22021"))))
                .isTrue();
    }
}
