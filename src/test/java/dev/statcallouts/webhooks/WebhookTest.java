package dev.statcallouts.webhooks;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statcallouts.common.ExpectedVersion;
import dev.statcallouts.stats.service.StatService;
import dev.statcallouts.testsupport.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WebhookTest {

    @Inject
    StatService stats;

    @Inject
    EntityManager em;

    private WebhookReceiver receiver;
    private final List<String> endpoints = new ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() throws Exception {
        for (String location : endpoints) {
            given().auth().oauth2(ADMIN_TOKEN).header("If-Match", "*").delete(location);
        }
        receiver.close();
    }

    /** Registers an endpoint for these events; returns its JSON (with the secret) and remembers it. */
    private JsonPath register(String url, String... events) {
        var response = given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events), "description", "test receiver"))
                .when()
                .post("/api/webhooks")
                .then()
                .statusCode(201)
                .extract();
        endpoints.add(response.header("Location"));
        return response.jsonPath();
    }

    private WebhookReceiver.Received next() throws InterruptedException {
        WebhookReceiver.Received r = receiver.next(10);
        assertThat(r).as("a delivery within 10 s").isNotNull();
        return r;
    }

    @Test
    void deliveriesAreSignedAndSayWhatChangedInOrder() throws Exception {
        JsonPath registered =
                register(receiver.url("/hooks?site=1"), "stat.published", "stat.corrected", "stat.retracted");
        String secret = registered.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(registered.getList("webhook.events"))
                .containsExactly("stat.published", "stat.corrected", "stat.retracted");

        String slug = slug("hook");
        Map<String, Object> figure = figure(slug);
        create(figure);
        figure.put("value", "950000000000");
        update(figure); // a correction
        figure.put("label", "cumulative public investment in Rapidus");
        figure.put("change", "edit");
        update(figure); // an edit: not subscribed
        retract(slug, "The source withdrew the number.");

        WebhookReceiver.Received published = next();
        assertThat(published.type()).isEqualTo("stat.published");
        assertThat(published.signedWith(secret)).as("signature verifies").isTrue();
        assertThat(published.headers().get("webhook-id")).matches("msg_[0-9a-f]{24}");
        assertThat(Long.parseLong(published.headers().get("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
        assertThat(published.headers().get("content-type")).isEqualTo("application/json");
        var data = published.json().getJsonObject("data");
        assertThat(data.getString("slug")).isEqualTo(slug);
        assertThat(data.getInteger("revision")).isEqualTo(1);
        assertThat(data.getString("permalink")).endsWith("/s/" + slug);
        assertThat(data.getJsonArray("surrogateKeys").getList()).containsExactly("stat-" + slug, "stats");

        WebhookReceiver.Received corrected = next();
        assertThat(corrected.type()).isEqualTo("stat.corrected");
        assertThat(corrected.json().getJsonObject("data").getInteger("revision"))
                .isEqualTo(2);
        WebhookReceiver.Received retracted = next();
        assertThat(retracted.type()).isEqualTo("stat.retracted");
        assertThat(retracted.json().getJsonObject("data").getInteger("revision"))
                .isEqualTo(4);
        assertThat(retracted.signedWith(secret)).isTrue();
        assertThat(receiver.next(1)).as("nothing for the edit").isNull();
    }

    @Test
    void aReceiverThatFailsGetsRetriesUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
        String location = register(receiver.url("/"), "stat.published").getString("webhook.id");
        String slug = slug("retry");
        create(figure(slug));

        String id = next().headers().get("webhook-id");
        assertThat(next().headers().get("webhook-id"))
                .as("the same message again")
                .isEqualTo(id);
        assertThat(next().headers().get("webhook-id")).isEqualTo(id);

        JsonPath delivery = await().atMost(Duration.ofSeconds(5))
                .until(() -> latestDelivery(location), d -> "delivered".equals(d.getString("state")));
        assertThat(delivery.getInt("attempts")).isEqualTo(3);
        assertThat(delivery.getString("messageId")).isEqualTo(id);
        assertThat(delivery.getList("attemptLog.status")).containsExactly(500, 500, 200);
        assertThat(delivery.getString("payload")).contains("\"stat.published\"", slug);

        // Send again: the same message, once more.
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .post("/api/webhooks/" + location + "/deliveries/" + delivery.getLong("id") + "/resend")
                .then()
                .statusCode(200);
        assertThat(next().headers().get("webhook-id")).isEqualTo(id);
    }

    private static JsonPath latestDelivery(String webhook) {
        long id = given().auth()
                .oauth2(ADMIN_TOKEN)
                .get("/api/webhooks/" + webhook + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .get("/api/webhooks/" + webhook + "/deliveries/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aReceiverDownForAWhileGetsEverythingAfterwardsInOrder() throws Exception {
        register(receiver.url("/"), "stat.published", "stat.corrected", "stat.updated");
        receiver.down();
        String slug = slug("down");
        Map<String, Object> figure = figure(slug);
        create(figure);
        for (int i = 1; i <= 4; i++) {
            figure.put("value", Long.toString(920_000_000_000L + i));
            update(figure);
        }
        Thread.sleep(1500); // a few attempts fail meanwhile
        receiver.up();

        List<Integer> revisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            revisions.add(next().json().getJsonObject("data").getInteger("revision"));
        }
        assertThat(revisions).containsExactly(1, 2, 3, 4, 5);
        assertThat(receiver.next(1)).as("each once").isNull();
    }

    @Test
    void redirectsAreNotFollowedAndLongAnswersNotRead() throws Exception {
        String redirected = register(receiver.url("/moved"), "stat.published").getString("webhook.id");
        receiver.answer(r -> 302);
        receiver.answerWith(Map.of("Location", receiver.url("/elsewhere")), "x".repeat(1_000_000));
        create(figure(slug("redirect")));

        assertThat(next().path()).isEqualTo("/moved");
        JsonPath delivery = await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> latestDelivery(redirected),
                        d -> d.getInt("attempts") >= 1
                                && d.getList("attemptLog").size() >= 1);
        assertThat(delivery.getString("state")).isEqualTo("pending");
        assertThat(delivery.getInt("lastStatus")).isEqualTo(302);
        assertThat(delivery.getString("attemptLog[0].response")).hasSizeLessThanOrEqualTo(1000);
        // Retried at /moved, never sent to /elsewhere.
        WebhookReceiver.Received again;
        while ((again = receiver.next(2)) != null) {
            assertThat(again.path()).isEqualTo("/moved");
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsLeftAfterTheTimeout() throws Exception {
        String silent = register(receiver.url("/silent"), "stat.published").getString("webhook.id");
        receiver.answer(r -> null);
        create(figure(slug("silent")));

        next();
        JsonPath delivery = await().atMost(Duration.ofSeconds(8))
                .until(
                        () -> latestDelivery(silent),
                        d -> d.getList("attemptLog").size() >= 1);
        assertThat(delivery.getString("state")).isEqualTo("pending");
        assertThat(delivery.getString("attemptLog[0].error")).isEqualTo("no answer within 2000 ms");
        assertThat(delivery.getInt("attemptLog[0].durationMs")).isBetween(2000, 3000);
    }

    @Test
    void aChangeRolledBackSendsNothing() throws Exception {
        register(receiver.url("/"), "stat.retracted");
        String slug = slug("rollback");
        create(figure(slug));

        QuarkusTransaction.begin();
        stats.retract(slug, "Never mind.", ExpectedVersion.ANY, "tester", Locale.ENGLISH);
        QuarkusTransaction.rollback();
        assertThat(receiver.next(2))
                .as("no event for a change that did not happen")
                .isNull();
        assertThat(events(slug)).isZero();

        retract(slug, "The source withdrew the number.");
        assertThat(next().type()).isEqualTo("stat.retracted");
        assertThat(events(slug)).isEqualTo(1);
    }

    private long events(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from webhook_event where subject = ?1 and type = 'stat.retracted'")
                                .setParameter(1, "stat:" + slug)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void endpointsAreCheckedAndChangedOnlyByWhoReadThem() {
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://example.com/x", "events", List.of("stat.published")))
                .post("/api/webhooks")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("url"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/"), "events", List.of("stat.exploded")))
                .post("/api/webhooks")
                .then()
                .statusCode(422)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("events"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("stat.corrected"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/"), "events", List.of("stat.published")))
                .post("/api/webhooks")
                .then()
                .statusCode(401);

        String id = register(receiver.url("/"), "stat.published").getString("webhook.id");
        Map<String, Object> change = Map.of("url", receiver.url("/v2"), "events", List.of("stat.corrected"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(change)
                .put("/api/webhooks/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("Precondition Required"));
        String etag =
                given().auth().oauth2(ADMIN_TOKEN).get("/api/webhooks/" + id).header("ETag");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(change)
                .put("/api/webhooks/" + id)
                .then()
                .statusCode(200)
                .body("url", org.hamcrest.Matchers.endsWith("/v2"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(change)
                .put("/api/webhooks/" + id)
                .then()
                .statusCode(412);
        assertThat(given().auth().oauth2(ADMIN_TOKEN).get("/api/webhooks").asString())
                .doesNotContain("whsec_");
    }
}
