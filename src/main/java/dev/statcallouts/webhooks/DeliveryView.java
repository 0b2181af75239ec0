package dev.statcallouts.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * One event sent (or to be sent) to one endpoint: the delivery log's line.
 *
 * @param state pending, delivered or failed (given up after the retry window)
 * @param attemptLog every attempt, oldest first (only in the answer about this one delivery)
 */
public record DeliveryView(
        long id,
        String messageId,
        String type,
        String subject,
        String state,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String payload,
        List<Attempt> attemptLog) {

    /** One try: when, how long it took, and what came back (its first bytes). */
    public record Attempt(Instant at, int durationMs, Integer status, String error, String response) {}
}
