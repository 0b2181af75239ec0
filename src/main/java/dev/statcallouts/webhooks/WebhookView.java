package dev.statcallouts.webhooks;

import java.time.Instant;
import java.util.List;

/** An endpoint, without its secret. */
public record WebhookView(
        long id,
        String url,
        String description,
        List<String> events,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt,
        long pending,
        long failed) {

    public static WebhookView of(WebhookEndpoint endpoint, long pending, long failed) {
        return new WebhookView(
                endpoint.id,
                endpoint.url,
                endpoint.description,
                endpoint.eventList(),
                endpoint.enabled,
                endpoint.createdAt,
                endpoint.updatedAt,
                pending,
                failed);
    }
}
