package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.MANAGEMENT_PORT;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationalMetricsTest {

    @Inject
    MeterRegistry registry;

    private double answeredFromMemory() {
        return registry.counter("statcallouts.answers.requests", "result", "hit")
                .count();
    }

    private static String metrics() {
        return given().port(MANAGEMENT_PORT).get("/q/metrics").asString();
    }

    @Test
    void cacheHitsRenderTimeStreamsAndTheChangeFeedsLagAreMeasured() {
        String slug = slug("metrics");
        create(figure(slug));
        given().get("/embed/" + slug).then().statusCode(200);
        given().get("/embed/" + slug).then().statusCode(200);
        given().get("/api/stats/" + slug).then().statusCode(200);
        given().get("/api/stats/" + slug).then().statusCode(200);
        Map<String, Object> changed = figure(slug);
        changed.put("value", "930000000000");
        update(changed);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(metrics()).contains("statcallouts_change_feed_lag_seconds_count"));
        String metrics = metrics();
        assertThat(metrics)
                .contains("statcallouts_card_cache_requests_total{result=\"hit\"}")
                .contains("statcallouts_card_cache_requests_total{result=\"miss\"}")
                .contains("statcallouts_card_render_seconds_count")
                .contains("statcallouts_answers_requests_total{result=\"hit\"}")
                .contains("statcallouts_answers_bytes")
                .contains("statcallouts_permalinks_rendered_requests_total{result=\"miss\"}")
                .contains("statcallouts_api_views_requests_total{result=\"hit\"}")
                .contains("statcallouts_live_streams")
                .contains("statcallouts_change_feed_connected 1.0");
    }

    /**
     * Request metrics name a read by its route, whether a card route, the REST layer or memory
     * answered it: a reader's slug, known or not, never becomes a series.
     */
    @Test
    void readsAreCountedUnderTheirRouteNotTheirPath() {
        String slug = slug("metric-route");
        create(figure(slug));
        String collection = slug("metric-route-coll");
        createCollection(collection, List.of(slug));
        String unknown = slug("metric-route-unknown");
        given().get("/embed/" + slug).then().statusCode(200);
        given().get("/embed/c/" + collection + "/").then().statusCode(200);
        given().header("Accept", "text/html").get("/embed/" + unknown).then().statusCode(404);
        given().get("/embed/" + unknown).then().statusCode(404);
        for (int i = 0; i < 2; i++) {
            // The second of each is answered from memory.
            given().get("/s/" + slug).then().statusCode(200);
            given().get("/api/stats/" + slug).then().statusCode(200);
        }
        double hits = answeredFromMemory();
        given().get("/api/stats/" + slug).then().statusCode(200);
        assertThat(answeredFromMemory()).as("a hit, named like the misses").isEqualTo(hits + 1);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(metrics()).contains("uri=\"/embed/{slug}\"").contains("uri=\"/embed/c/{slug}\""));
        assertThat(metrics()).doesNotContain(slug, collection, unknown);
    }

    /**
     * A request refused before its route was known (a NUL in the address, refused ahead of
     * matching) is counted as UNKNOWN, not under its path: any client could otherwise fill the
     * registry's 100 route names with addresses of its own, and the service's routes would go
     * uncounted after that.
     */
    @Test
    void refusalsAheadOfAnyRouteAreNotNamedByTheirPath() {
        String marker = slug("metric-refused");
        given().urlEncodingEnabled(false).get("/s/" + marker + "%00").then().statusCode(400);
        given().urlEncodingEnabled(false)
                .get("/api/stats/" + marker + "?q=%00")
                .then()
                .statusCode(400);
        given().urlEncodingEnabled(false)
                .get("/widgets/" + marker + "%00.js")
                .then()
                .statusCode(400);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(metrics()).contains("status=\"400\",uri=\"UNKNOWN\""));
        assertThat(metrics()).doesNotContain(marker);
    }
}
