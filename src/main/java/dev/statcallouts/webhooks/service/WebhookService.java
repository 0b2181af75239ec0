package dev.statcallouts.webhooks.service;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.common.Page;
import dev.statcallouts.common.Versioned;
import dev.statcallouts.database.NativeValues;
import dev.statcallouts.webhooks.DeliveryView;
import dev.statcallouts.webhooks.IssuedWebhook;
import dev.statcallouts.webhooks.WebhookConfig;
import dev.statcallouts.webhooks.WebhookEndpoint;
import dev.statcallouts.webhooks.WebhookEventType;
import dev.statcallouts.webhooks.WebhookInput;
import dev.statcallouts.webhooks.WebhookSignature;
import dev.statcallouts.webhooks.WebhookTargets;
import dev.statcallouts.webhooks.WebhookView;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;

/** Admins' endpoints and their delivery log. */
@ApplicationScoped
public class WebhookService {

    @Inject
    EntityManager em;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookConfig config;

    @Transactional
    public List<WebhookView> list() {
        return WebhookEndpoint.<WebhookEndpoint>listAll(Sort.ascending("id")).stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    public Versioned<WebhookView> get(long id) {
        WebhookEndpoint endpoint = find(id);
        return new Versioned<>(view(endpoint), etag(endpoint));
    }

    @Transactional
    public IssuedWebhook create(WebhookInput input, String admin) {
        if (WebhookEndpoint.count() >= config.maxEndpoints()) {
            throw DomainException.conflict("There are " + config.maxEndpoints()
                    + " webhook endpoints already, as many as this service keeps. Delete one first.");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.createdAt = Instant.now();
        apply(endpoint, input);
        endpoint.persist();
        em.flush();
        Log.infof("Webhook %d (%s) registered by '%s'", endpoint.id, endpoint.url, admin);
        return new IssuedWebhook(view(endpoint), endpoint.secret);
    }

    @Transactional
    public Versioned<WebhookView> update(long id, WebhookInput input, ExpectedVersion expected) {
        WebhookEndpoint endpoint = find(id);
        expected.check(etag(endpoint));
        apply(endpoint, input);
        em.flush();
        return new Versioned<>(view(endpoint), etag(endpoint));
    }

    /** A new secret; the old one stops signing at once. */
    @Transactional
    public IssuedWebhook rotateSecret(long id, ExpectedVersion expected) {
        WebhookEndpoint endpoint = find(id);
        expected.check(etag(endpoint));
        endpoint.secret = WebhookSignature.newSecret();
        endpoint.updatedAt = Instant.now();
        em.flush();
        return new IssuedWebhook(view(endpoint), endpoint.secret);
    }

    /** Deletes an endpoint with its deliveries: pending ones are not sent. */
    @Transactional
    public void delete(long id, ExpectedVersion expected) {
        WebhookEndpoint endpoint = find(id);
        expected.check(etag(endpoint));
        endpoint.delete();
    }

    @Transactional
    public Page<DeliveryView> deliveries(long id, Optional<String> state, int page, int size) {
        find(id);
        String where = " where d.endpoint_id = :endpoint" + (state.isPresent() ? " and d.state = :state" : "");
        var count = em.createNativeQuery("select count(*) from webhook_delivery d" + where)
                .setParameter("endpoint", id);
        var rows = em.createNativeQuery(DELIVERY_COLUMNS + where + " order by d.id desc limit :size offset :skip")
                .setParameter("endpoint", id)
                .setParameter("size", size)
                .setParameter("skip", (long) (page - 1) * size);
        state.ifPresent(s -> {
            count.setParameter("state", s);
            rows.setParameter("state", s);
        });
        @SuppressWarnings("unchecked")
        List<Object[]> found = rows.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(found.stream().map(r -> delivery(r, null, null)).toList(), page, size, total);
    }

    @Transactional
    public DeliveryView delivery(long id, long deliveryId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(DELIVERY_COLUMNS + " where d.endpoint_id = ?1 and d.id = ?2")
                .setParameter(1, id)
                .setParameter(2, deliveryId)
                .getResultList();
        if (found.isEmpty()) {
            throw DomainException.notFound("Webhook " + id + " has no delivery " + deliveryId + ".");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> attempts =
                em.createNativeQuery("""
                select at, duration_ms, status, error, response from webhook_attempt
                where delivery_id = ?1 order by id""").setParameter(1, deliveryId).getResultList();
        String payload = (String) em.createNativeQuery(
                        "select e.payload from webhook_event e join webhook_delivery d on d.event_id = e.id where d.id = ?1")
                .setParameter(1, deliveryId)
                .getSingleResult();
        return delivery(
                found.get(0),
                payload,
                attempts.stream()
                        .map(a -> new DeliveryView.Attempt(
                                NativeValues.instant(a[0]),
                                ((Number) a[1]).intValue(),
                                a[2] == null ? null : ((Number) a[2]).intValue(),
                                (String) a[3],
                                (String) a[4]))
                        .toList());
    }

    /** Sends a delivery again, now, whatever became of it (receivers tell repeats by {@code webhook-id}). */
    @Transactional
    public DeliveryView resend(long id, long deliveryId) {
        delivery(id, deliveryId);
        em.createNativeQuery("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = now(), lease_until = null,
                    delivered_at = null where id = ?1""").setParameter(1, deliveryId).executeUpdate();
        return delivery(id, deliveryId);
    }

    private static final String DELIVERY_COLUMNS = """
            select d.id, e.message_id, e.type, d.subject, d.state, d.attempts, d.created_at, d.last_attempt_at,
                d.last_status, d.last_error, d.next_attempt_at, d.delivered_at
            from webhook_delivery d join webhook_event e on e.id = d.event_id""";

    private static DeliveryView delivery(Object[] r, String payload, List<DeliveryView.Attempt> attempts) {
        String state = (String) r[4];
        return new DeliveryView(
                ((Number) r[0]).longValue(),
                (String) r[1],
                (String) r[2],
                (String) r[3],
                state.toLowerCase(java.util.Locale.ROOT),
                ((Number) r[5]).intValue(),
                NativeValues.instant(r[6]),
                NativeValues.instant(r[7]),
                r[8] == null ? null : ((Number) r[8]).intValue(),
                (String) r[9],
                state.equals("PENDING") ? NativeValues.instant(r[10]) : null,
                NativeValues.instant(r[11]),
                payload,
                attempts);
    }

    private void apply(WebhookEndpoint endpoint, WebhookInput input) {
        String url = input.url().strip();
        try {
            URI uri = WebhookTargets.parse(url);
            targets.resolve(uri);
        } catch (WebhookTargets.Refused refused) {
            throw DomainException.invalid("url", refused.getMessage());
        }
        Set<String> events = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String event : input.events()) {
            String id = event.strip();
            if (WebhookEventType.parse(id).isPresent()) {
                events.add(id);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(
                    "events",
                    "unknown event " + String.join(", ", unknown) + "; the events are "
                            + Arrays.stream(WebhookEventType.values())
                                    .map(t -> t.id)
                                    .collect(Collectors.joining(", ")));
        }
        endpoint.url = url;
        endpoint.events = Arrays.stream(WebhookEventType.values())
                .map(t -> t.id)
                .filter(events::contains)
                .collect(Collectors.joining(","));
        endpoint.description =
                input.description() == null || input.description().isBlank()
                        ? null
                        : input.description().strip();
        endpoint.enabled = input.enabled() == null || input.enabled();
        endpoint.updatedAt = Instant.now();
    }

    private WebhookEndpoint find(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("No webhook with id " + id + "."));
    }

    private WebhookView view(WebhookEndpoint endpoint) {
        Object[] counts = (Object[])
                em.createNativeQuery("""
                select count(*) filter (where state = 'PENDING'), count(*) filter (where state = 'FAILED')
                from webhook_delivery where endpoint_id = ?1""").setParameter(1, endpoint.id).getSingleResult();
        return WebhookView.of(endpoint, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    public static String etag(WebhookEndpoint endpoint) {
        return "w" + endpoint.id + "-" + endpoint.version;
    }
}
