package dev.statcallouts.live;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class LiveResourceTest {

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** An open event stream: its lines as they come, and its reader (done when the stream ends). */
    record Stream(BlockingQueue<String> lines, CompletableFuture<Void> reader) {}

    /** Opens the stream at this path and waits for its first heartbeat. */
    static Stream open(String path) throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = MultiInstanceIT.listen(base() + path, lines);
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo(":heartbeat");
        return new Stream(lines, reader);
    }

    @Test
    void streamSendsHeartbeatThenEachChangeWithItsRevision() throws Exception {
        String slug = slug("sse");
        create(figure(slug));
        Stream stream = open("/embed/" + slug + "/events");
        BlockingQueue<String> lines = stream.lines();
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "1");
        update(corrected);
        assertThat(List.of(
                        lines.poll(2, TimeUnit.SECONDS),
                        lines.poll(1, TimeUnit.SECONDS),
                        lines.poll(1, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder("id:2", "retry:2000", "data:2");
        stream.reader().cancel(true);
    }

    @Inject
    LiveUpdates updates;

    @Test
    void drainingForShutdownEndsOpenStreamsAndLeavesNewOnesAlone() throws Exception {
        String slug = slug("sse-drain");
        create(figure(slug));
        Stream stream = open("/embed/" + slug + "/events");
        BlockingQueue<String> lines = stream.lines();
        updates.drain();
        // The stream ends (the reader completes) well before its lifetime, with no draining line sent.
        stream.reader().get(3, TimeUnit.SECONDS);
        assertThat(lines).doesNotContain(":draining").noneMatch(line -> line.startsWith("error"));
        open("/embed/" + slug + "/events").reader().cancel(true);
    }

    @Test
    void reconnectingWithAnOldLastEventIdGetsTheMissedChange() throws Exception {
        String slug = slug("sse-missed");
        create(figure(slug));
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "2");
        update(corrected);
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/embed/" + slug + "/events"))
                                .header("Last-Event-ID", "1")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        String start = new String(response.body().readNBytes(60));
        assertThat(start).contains("id:2", "data:2");
        response.body().close();
    }

    @Test
    void aCollectionsStreamTellsOfEachChangeToItsFigures() throws Exception {
        String member = slug("sse-member");
        String outsider = slug("sse-outsider");
        create(figure(member));
        create(figure(outsider));
        String collection = slug("sse-coll");
        createCollection(collection, List.of(member));
        Stream stream = open("/embed/c/" + collection + "/events");
        BlockingQueue<String> lines = stream.lines();
        Map<String, Object> other = figure(outsider);
        other.put("value", "3");
        update(other);
        Map<String, Object> corrected = figure(member);
        corrected.put("value", "4");
        update(corrected);
        List<String> event = new ArrayList<>();
        while (event.size() < 2) {
            String line = lines.poll(3, TimeUnit.SECONDS);
            assertThat(line).as("an event line").isNotNull();
            if (!line.startsWith(":")) {
                event.add(line);
            }
        }
        assertThat(event).containsExactlyInAnyOrder("retry:2000", "data:changed");
        // One event only: the outsider's change, made first, sent none.
        String more;
        while ((more = lines.poll(1500, TimeUnit.MILLISECONDS)) != null) {
            assertThat(more).as("nothing but heartbeats after the one event").startsWith(":");
        }
        stream.reader().cancel(true);
        given().when().get("/embed/c/" + slug("none") + "/events").then().statusCode(404);
    }

    @Test
    void draftsAndUnknownFiguresHaveNoStream() {
        String slug = slug("sse-draft");
        createDraft(slug);
        given().when().get("/embed/" + slug + "/events").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/embed/" + slug("none") + "/events").then().statusCode(404);
    }

    /** Regression: the stream once kept a transaction, and so a pooled connection, for its whole life. */
    @Test
    void openStreamsHoldNoDatabaseConnection() throws Exception {
        String slug = slug("sse-many");
        create(figure(slug));
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        List<BlockingQueue<String>> queues = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // twice the connection pool
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            queues.add(lines);
            readers.add(MultiInstanceIT.listen(base() + "/embed/" + slug + "/events", lines));
        }
        for (BlockingQueue<String> lines : queues) {
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(":heartbeat");
        }
        long start = System.nanoTime();
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "3");
        update(corrected);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        for (BlockingQueue<String> lines : queues) {
            String line;
            do {
                line = lines.poll(2, TimeUnit.SECONDS);
                assertThat(line).isNotNull();
            } while (!line.startsWith("data:"));
        }
        readers.forEach(r -> r.cancel(true));
    }
}
