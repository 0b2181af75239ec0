package dev.statcallouts.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TrafficLogTest {

    @Inject
    TrafficLog traffic;

    @Inject
    MeterRegistry registry;

    @Test
    void oneLineSaysWhatWasAnsweredSinceTheLastOne() {
        // An earlier test's last answer may still be ending: start counting once none is.
        long[] seen = {-1};
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    long now = answered();
                    boolean quiet = now == seen[0];
                    seen[0] = now;
                    return quiet;
                });
        traffic.line();
        long before = answered();
        for (int i = 0; i < 3; i++) {
            given().get("/robots.txt").then().statusCode(200);
        }
        given().get("/api/stats/no-such-figure-for-traffic").then().statusCode(404);
        // The metrics record an answer as it ends, a moment after the client has it.
        await().atMost(Duration.ofSeconds(5)).until(() -> answered() >= before + 4);

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

    private long answered() {
        return registry.find("http.server.requests").timers().stream()
                .mapToLong(Timer::count)
                .sum();
    }
}
