package dev.statcallouts.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.collections.CollectionChanged;
import dev.statcallouts.common.SurrogateKeys;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.StatChanged;

/**
 * The transactional outbox: every change that anybody outside could see writes its event, and a
 * delivery per endpoint subscribed to it, in the transaction that makes the change. So an event
 * exists if and only if its change committed; {@link WebhookDispatcher} sends them.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager em;

    @Inject
    SiteConfig site;

    @Inject
    ObjectMapper json;

    void stat(@Observes StatChanged change) {
        WebhookEventType.of(change.what()).ifPresent(type -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("slug", change.slug());
            if (change.revision() > 0) {
                data.put("revision", change.revision());
            }
            String origin = site.publicUrl();
            if (type != WebhookEventType.STAT_DELETED) {
                data.put("api", origin + "/api/stats/" + change.slug());
                data.put("permalink", origin + "/s/" + change.slug());
                data.put("embed", origin + "/embed/" + change.slug());
            }
            // What a CDN should purge: the figure's reads, the lists, and the collections showing it.
            List<String> keys = new ArrayList<>(List.of(SurrogateKeys.stat(change.slug()), SurrogateKeys.STATS));
            collectionsShowing(change.slug()).forEach(c -> keys.add(SurrogateKeys.collection(c)));
            data.put("surrogateKeys", keys);
            add(type, "stat:" + change.slug(), data);
        });
    }

    void collection(@Observes CollectionChanged change) {
        Map<String, Object> data = new LinkedHashMap<>();
        String origin = site.publicUrl();
        data.put("slug", change.slug());
        data.put("api", origin + "/api/collections/" + change.slug());
        data.put("permalink", origin + "/c/" + change.slug());
        data.put("embed", origin + "/embed/c/" + change.slug());
        data.put("surrogateKeys", List.of(SurrogateKeys.collection(change.slug()), SurrogateKeys.COLLECTIONS));
        add(WebhookEventType.COLLECTION_CHANGED, "collection:" + change.slug(), data);
    }

    @SuppressWarnings("unchecked")
    private List<String> collectionsShowing(String slug) {
        return em.createNativeQuery("""
                        select distinct c.slug from stat_collection c
                        join stat_collection_item i on i.collection_id = c.id
                        join stat s on s.id = i.stat_id
                        where s.slug = ?1 order by c.slug""", String.class).setParameter(1, slug).getResultList();
    }

    private void add(WebhookEventType type, String subject, Map<String, Object> data) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.id);
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers is always JSON", e);
        }
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        // One statement: the event, and a delivery for each enabled endpoint that wants it.
        em.createNativeQuery("""
                with e as (
                    insert into webhook_event (message_id, type, subject, payload, created_at)
                    values (?1, ?2, ?3, ?4, ?5) returning id)
                insert into webhook_delivery (event_id, endpoint_id, subject, state, next_attempt_at, created_at)
                select e.id, w.id, ?3, 'PENDING', ?5, ?5 from e join webhook_endpoint w
                    on w.enabled and position(',' || ?2 || ',' in ',' || w.events || ',') > 0
                """)
                .setParameter(1, "msg_" + HexFormat.of().formatHex(id))
                .setParameter(2, type.id)
                .setParameter(3, subject)
                .setParameter(4, body)
                .setParameter(5, now)
                .executeUpdate();
    }
}
