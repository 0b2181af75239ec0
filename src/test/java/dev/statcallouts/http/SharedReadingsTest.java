package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.DatabaseProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Anonymous readers of one address that nobody has read yet, all at once while the database is
 * slow: one of them reads it, and the others wait for that reading and are answered from memory.
 */
@QuarkusTest
@TestProfile(SharedReadingsTest.SlowDatabase.class)
class SharedReadingsTest {

    static final int READERS = 20;

    /**
     * Through a proxy the test holds the database's bytes in, with a wait long enough that a slow
     * machine's scheduling does not decide the outcome (the shipped wait is 250 ms).
     */
    public static class SlowDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("statcallouts.answers.share-readings-for", "10s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseProxy.class));
        }
    }

    @Inject
    AnswerCache answers;

    @Inject
    MeterRegistry registry;

    /** Many requests at once, each on a connection of its own (REST Assured is not meant to be shared by threads). */
    private ExecutorService executor;

    private HttpClient client;

    @BeforeEach
    void client() {
        executor = Executors.newFixedThreadPool(4);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(executor)
                .build();
    }

    @AfterEach
    void restoreDatabase() {
        DatabaseProxy.current.restore();
        executor.shutdownNow();
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private double count(String result) {
        return registry.counter("statcallouts.answers.requests", "result", result)
                .count();
    }

    @Test
    void readersOfOneNewAddressAtOnceShareOneReading() {
        // The permalink's code path warmed by another figure, so that the reading is the database's.
        String warm = slug("warm");
        create(figure(warm));
        given().when().get("/s/" + warm).then().statusCode(200);
        String shared = slug("shared");
        create(figure(shared));
        String path = "/s/" + shared;
        double misses = count("miss");
        double hits = count("hit");
        HttpRequest read = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(20))
                .build();
        DatabaseProxy.current.freeze();
        List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            reads.add(client.sendAsync(read, HttpResponse.BodyHandlers.ofString()));
        }
        await("every reader but one waits for the first one's reading")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> answers.waitingForReadings() == READERS - 1);
        DatabaseProxy.current.restore();

        List<HttpResponse<String>> answered =
                reads.stream().map(CompletableFuture::join).toList();
        assertThat(answered)
                .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
        assertThat(answered.stream().map(HttpResponse::body).distinct())
                .as("one page for all")
                .hasSize(1);
        assertThat(count("miss") - misses).as("readings of the database").isEqualTo(1);
        assertThat(count("hit") - hits).as("answered from memory").isEqualTo(READERS - 1);
        assertThat(answers.waitingForReadings()).isZero();
    }

    /**
     * An event stream never ends as a reading does: a second reader's stream of the same figure
     * opens at once instead of waiting for the first one's (here up to 10 s).
     */
    @Test
    void eventStreamsOfOneFigureOpenAtOnce() throws Exception {
        String slug = slug("streams");
        create(figure(slug));
        HttpRequest stream = HttpRequest.newBuilder(uri("/embed/" + slug + "/events"))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> first = client.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        long start = System.nanoTime();
        HttpResponse<InputStream> second = client.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream())
                .get(5, TimeUnit.SECONDS);
        assertThat((System.nanoTime() - start) / 1_000_000)
                .as("the second stream's wait, ms")
                .isLessThan(2000);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        first.body().close();
        second.body().close();
    }
}
