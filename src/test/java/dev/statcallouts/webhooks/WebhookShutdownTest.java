package dev.statcallouts.webhooks;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.StoppingInstance;
import dev.statcallouts.testsupport.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * An instance that shuts down while a receiver is still answering records that attempt before it
 * goes, and claims nothing after. A profile of its own: the dispatcher it stops stays stopped.
 */
@QuarkusTest
@TestProfile(StoppingInstance.class)
class WebhookShutdownTest {

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    EntityManager em;

    @Test
    void shutdownWaitsForTheAnswerInFlightAndClaimsNothingAfter() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String endpoint = given().auth()
                    .oauth2(ADMIN_TOKEN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/slow"), "events", List.of("stat.published")))
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .header("Location");
            long id = Long.parseLong(endpoint.substring(endpoint.lastIndexOf('/') + 1));
            try {
                receiver.answer(r -> null); // never answers: the attempt ends at the 2 s response timeout
                String sent = slug("shutdown");
                create(figure(sent));
                assertThat(receiver.next(10)).as("the delivery is being sent").isNotNull();

                long started = System.nanoTime();
                dispatcher.stop(new ShutdownEvent());
                long waitedMillis = (System.nanoTime() - started) / 1_000_000;

                assertThat(waitedMillis).as("waited for the answer").isBetween(500L, 4_000L);
                assertThat(attempts(id, sent)).containsExactly("no answer within 2000 ms");

                String after = slug("after-shutdown");
                create(figure(after));
                assertThat(receiver.next(3)).as("nothing sent after shutdown").isNull();
                dispatcher.poll();
                assertThat(deliveries(id, after))
                        .as("one delivery, never claimed")
                        .containsExactly(0);
            } finally {
                given().auth().oauth2(ADMIN_TOKEN).header("If-Match", "*").delete(endpoint);
            }
        }
    }

    /** The recorded attempts' errors of the figure's one delivery to the endpoint. */
    private List<String> attempts(long endpoint, String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select coalesce(a.error, '') from webhook_attempt a
                                join webhook_delivery d on d.id = a.delivery_id
                                join webhook_event e on e.id = d.event_id
                                where e.subject = ?1 and d.endpoint_id = ?2 order by a.id""", String.class)
                        .setParameter(1, "stat:" + slug)
                        .setParameter(2, endpoint)
                        .getResultList());
    }

    /** The attempts of each of the figure's deliveries to the endpoint. */
    private List<Integer> deliveries(long endpoint, String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select d.attempts from webhook_delivery d
                                join webhook_event e on e.id = d.event_id where e.subject = ?1 and d.endpoint_id = ?2""", Integer.class)
                        .setParameter(1, "stat:" + slug)
                        .setParameter(2, endpoint)
                        .getResultList());
    }
}
