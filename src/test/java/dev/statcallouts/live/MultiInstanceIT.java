package dev.statcallouts.live;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.token;
import static dev.statcallouts.testsupport.TestData.tokenId;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/**
 * Two instances of the packaged service on one PostgreSQL: the one the test harness starts (A,
 * port 8081) and a second one this test starts (B, port 8082). Writes go through A; B must drop
 * its cached card and the answers it keeps, and tell its live readers, within a second, with no
 * broker but PostgreSQL. B logs in JSON (the operators' switch), which is checked line by line.
 */
@QuarkusIntegrationTest
class MultiInstanceIT {

    static final int B_PORT = 8082;
    static final String B = "http://localhost:" + B_PORT;
    static final int B_MANAGEMENT_PORT = 9002;
    static Process second;

    @BeforeAll
    static void startSecondInstance() throws Exception {
        File jar = new File("target/stat-callouts-runner.jar");
        assertThat(jar).exists();
        second = new ProcessBuilder(
                        "java",
                        "@src/main/jvm/jvm.options",
                        "-Dquarkus.profile=test",
                        "-Dquarkus.http.port=" + B_PORT,
                        "-Dquarkus.management.port=" + B_MANAGEMENT_PORT,
                        "-Dstatcallouts.site.public-url=" + B,
                        "-Dquarkus.log.console.json.enabled=true",
                        "-jar",
                        jar.getPath())
                .redirectErrorStream(true)
                .redirectOutput(new File("target/second-instance.log"))
                .start();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + B_MANAGEMENT_PORT + "/q/health/ready"))
                .build();
        await("second instance started")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> client.send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200);
    }

    @AfterAll
    static void stopSecondInstance() throws Exception {
        if (second != null) {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWriteOnOneInstanceRefreshesTheOthersCacheAndLiveReaders() throws Exception {
        String slug = slug("multi");
        create(figure(slug));
        // B caches the card.
        assertThat(onB("/embed/" + slug)).contains("¥920 billion");
        // And its picture, cached and dropped with it.
        String pictureBefore = pictureEtag(slug);
        assertThat(pictureEtag(slug)).as("served from B's cache").isEqualTo(pictureBefore);

        // And its API read and permalink page, kept as answers: the second reads come from memory.
        List<String> answers = List.of("/api/stats/" + slug, "/s/" + slug + "?utm_source=multi");
        for (String path : answers) {
            onB(path);
        }
        double hits = answerHits();
        for (String path : answers) {
            assertThat(onB(path)).contains(path.startsWith("/api") ? "920000000000" : "<title>¥920 billion");
        }
        assertThat(answerHits()).as("kept on B").isEqualTo(hits + answers.size());

        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = listen(B + "/embed/" + slug + "/events", events);
        assertThat(events.poll(5, TimeUnit.SECONDS))
                .as("stream open (first heartbeat)")
                .isEqualTo(":heartbeat");

        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "950000000000");
        long start = System.nanoTime();
        update(corrected); // through A
        String event = null;
        while (event == null || !event.startsWith("data:")) {
            event = events.poll(1, TimeUnit.SECONDS);
            assertThat(event).as("event on B within 1 s").isNotNull();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(1000);
        assertThat(event).isEqualTo("data:2");
        assertThat(onB("/embed/" + slug)).contains("¥950 billion").doesNotContain("¥920 billion");
        assertThat(pictureEtag(slug)).as("B draws the corrected figure").isNotEqualTo(pictureBefore);
        await("B's kept answers dropped")
                .atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(onB(answers.get(0))).contains("950000000000");
                    // The page keeps ¥920 billion in its history: the title says what it is now.
                    assertThat(onB(answers.get(1))).contains("<title>¥950 billion");
                });
        reader.cancel(true);
    }

    private static String onB(String path) {
        return given().baseUri("http://localhost")
                .port(B_PORT)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** B's count of reads answered from kept answers, from its metrics. */
    private static double answerHits() {
        return hitsOnB("statcallouts_answers_requests_total");
    }

    private static double hitsOnB(String counter) {
        String metrics = given().baseUri("http://localhost")
                .port(B_MANAGEMENT_PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith(counter) && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void withTheSwitchOnEveryLogLineIsOneJsonObject() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("target/second-instance.log"), StandardCharsets.UTF_8);
        assertThat(lines).as("B logged its start").isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        boolean started = false;
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.isObject()).as(line).isTrue();
            assertThat(entry.has("level") && entry.has("message") && entry.has("timestamp"))
                    .as(line)
                    .isTrue();
            started |= entry.get("message").asText().contains("started in");
        }
        assertThat(started).as("the start-up line, as JSON").isTrue();
    }

    private static String pictureEtag(String slug) {
        return given().baseUri("http://localhost")
                .port(B_PORT)
                .when()
                .get("/images/s/" + slug + ".png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .header("ETag");
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedOnTheOtherWithinASecond() {
        String name = "multi-revoked-" + slug("t");
        String secret = token("reader", name); // through A
        int id = tokenId(name);
        assertThat(listOnB(secret)).isEqualTo(200);
        double hits = hitsOnB("statcallouts_tokens_requests_total");
        assertThat(listOnB(secret)).isEqualTo(200);
        assertThat(hitsOnB("statcallouts_tokens_requests_total"))
                .as("B remembers the token")
                .isGreaterThan(hits);

        given().auth().oauth2(ADMIN_TOKEN).delete("/api/tokens/" + id).then().statusCode(200); // on A
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> listOnB(secret) == 403);
        System.out.printf("Revocation refused on B after %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    private static int listOnB(String secret) {
        return given().baseUri("http://localhost")
                .port(B_PORT)
                .auth()
                .oauth2(secret)
                .get("/api/stats?status=draft") // drafts need a token that is not revoked
                .statusCode();
    }

    @Test
    void aLostChangeFeedReconnectsAndCatchesUp() throws Exception {
        String slug = slug("gap");
        create(figure(slug));
        assertThat(onB("/embed/" + slug)).contains("¥920 billion");
        // Cut every instance's change feed, and write while they reconnect.
        try (var db = DriverManager.getConnection(
                        System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/statcallouts_test"),
                        "postgres",
                        "");
                var statement = db.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where application_name = 'stat-callouts change feed'");
        }
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "960000000000");
        update(corrected);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(onB("/embed/" + slug)).contains("¥960 billion"));
    }

    /** Reads an event stream line by line into the queue (blank lines skipped). */
    static CompletableFuture<Void> listen(String url, BlockingQueue<String> lines) {
        return CompletableFuture.runAsync(() -> {
            try {
                HttpResponse<InputStream> response = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url))
                                        .header("Accept", "text/event-stream")
                                        .timeout(Duration.ofSeconds(15))
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        if (!line.isBlank()) {
                            lines.add(line.strip());
                        }
                    }
                }
            } catch (Exception e) {
                lines.add("error: " + e);
            }
        });
    }

    @Test
    void bothInstancesSendWebhooksAndEachEventGoesOnceInOrder() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String location = given().auth()
                    .oauth2(ADMIN_TOKEN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url("/"), "events", List.of("stat.published", "stat.corrected")))
                    .post("/api/webhooks")
                    .then()
                    .statusCode(201)
                    .extract()
                    .header("Location");
            try {
                String slug = slug("hooks");
                Map<String, Object> figure = figure(slug);
                create(figure);
                int changes = 30;
                for (int i = 1; i <= changes; i++) {
                    figure.put("value", Long.toString(920_000_000_000L + i));
                    update(figure);
                }
                List<Integer> revisions = new ArrayList<>();
                Set<String> ids = new HashSet<>();
                for (int i = 0; i <= changes; i++) {
                    WebhookReceiver.Received received = receiver.next(10);
                    assertThat(received).as("delivery " + i).isNotNull();
                    ids.add(received.headers().get("webhook-id"));
                    revisions.add(received.json().getJsonObject("data").getInteger("revision"));
                }
                assertThat(revisions).isSorted().hasSize(changes + 1).doesNotHaveDuplicates();
                assertThat(ids).hasSize(changes + 1);
                assertThat(receiver.next(2)).as("no event twice").isNull();
            } finally {
                given().auth().oauth2(ADMIN_TOKEN).header("If-Match", "*").delete(location);
            }
        }
    }
}
