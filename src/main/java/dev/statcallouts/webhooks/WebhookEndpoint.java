package dev.statcallouts.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntity;

/** A URL that admins registered to be told about changes, with the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntity {

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(length = 200)
    public String description;

    @Column(nullable = false, length = 100)
    public String secret;

    /** Event type ids, comma-separated, in the order of {@link WebhookEventType}. */
    @Column(nullable = false, length = 300)
    public String events;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;

    public List<String> eventList() {
        return Arrays.asList(events.split(","));
    }
}
