package dev.statcallouts.database;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

/**
 * Tells an unreachable, frozen or restarting database apart from a bug, by what a failure was
 * caused by: what the service answers 503 for, and logs as an outage rather than an error.
 */
public final class DatabaseFaults {

    /** How the database let a request down. */
    public enum Kind {
        /** No connection could be had: refused, timed out or the pool is exhausted. */
        UNREACHABLE("unreachable"),
        /** A query or the connection under it took longer than its timeout. */
        TIMEOUT("timed out"),
        /** The connection broke or the server shut it (restart, failover, administrator). */
        CONNECTION_LOST("connection lost"),
        /** The commit itself failed: whether the write was saved is not known. */
        COMMIT_UNKNOWN("commit outcome unknown");

        public final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** What the PostgreSQL driver says when the pool interrupts it while it opens a connection. */
    private static final String INTERRUPTED_CONNECTING = "Interrupted while attempting to connect";

    /** What the pool says when a wait for a connection is interrupted ({@link ConnectionWaits}). */
    private static final String INTERRUPTED_ACQUIRING = "Interrupted while acquiring";

    private DatabaseFaults() {}

    /** The kind of outage behind {@code failure}, or empty when it is something else (a bug). */
    public static Optional<Kind> of(Throwable failure) {
        Kind found = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof RollbackException
                    || t instanceof HeuristicMixedException
                    || t instanceof HeuristicRollbackException) {
                // Only a failed commit of a transaction that reached the database leaves its outcome open.
                return Optional.of(Kind.COMMIT_UNKNOWN);
            }
            Kind kind = kind(t);
            if (kind != null && found == null) {
                found = kind;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether PostgreSQL refused a text for a NUL character (which it cannot store). */
    public static boolean refusedNulCharacter(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Kind kind(Throwable t) {
        if (t instanceof SocketTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (t instanceof ConnectException
                || t instanceof SQLTransientConnectionException
                || t instanceof InterruptedException
                || String.valueOf(t.getMessage()).startsWith(INTERRUPTED_CONNECTING)
                || String.valueOf(t.getMessage()).startsWith(INTERRUPTED_ACQUIRING)) {
            // The pool gives up on a connection being opened (acquisition timeout) by interrupting
            // it; ConnectionWaits ends a wait for one that outlived the timeout the same way.
            return Kind.UNREACHABLE;
        }
        if (t instanceof SocketException) {
            return Kind.CONNECTION_LOST;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.equals("57014")) { // query_canceled: statement_timeout
                return Kind.TIMEOUT;
            }
            if (state.equals("08001")
                    || state.equals("08004")
                    || state.equals("57P03")
                    || state.equals("53300")
                    || String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return Kind.UNREACHABLE;
            }
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")) {
                return Kind.CONNECTION_LOST;
            }
        }
        return null;
    }
}
