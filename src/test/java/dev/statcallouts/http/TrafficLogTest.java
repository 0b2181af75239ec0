package dev.statcallouts.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrafficLogTest {

    @Inject
    TrafficLog traffic;

    @Test
    void oneLineSaysWhatWasAnsweredSinceTheLastOne() {
        traffic.line();
        for (int i = 0; i < 3; i++) {
            given().get("/robots.txt").then().statusCode(200);
        }
        given().get("/api/stats/no-such-figure-for-traffic").then().statusCode(404);

        String line = traffic.line().orElseThrow();
        assertThat(line).startsWith("Traffic: 4 requests (2xx 3, 4xx 1), mean ");
        assertThat(line).contains("busiest: /robots.txt 3, /api/stats/{slug} 1");
        assertThat(line).doesNotContain("no-such-figure", "5xx");
        assertThat(traffic.line()).as("nothing answered since").isEmpty();
    }

    @Test
    void noLinePerRequestAsShipped() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.http.access-log.enabled", Boolean.class))
                .isFalse();
    }
}
