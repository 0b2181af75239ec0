package dev.statcallouts.live;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.SmallLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Live streams are capped per client address and in all, and each one ends after its lifetime. */
@QuarkusTest
@TestProfile(SmallLimits.class)
class LiveStreamLimitsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    LiveStreams streams;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<InputStream> open(String slug, String address) throws Exception {
        return client.send(
                HttpRequest.newBuilder(base.resolve("/embed/" + slug + "/events"))
                        .header("X-Forwarded-For", address)
                        .header("Last-Event-ID", "0")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void streamsAreCappedPerAddressAndInAll() throws Exception {
        String slug = slug("capped");
        create(figure(slug));
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < SmallLimits.STREAMS_PER_ADDRESS; i++) {
                open.add(open(slug, "203.0.113.1"));
            }
            assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
            HttpResponse<InputStream> refused = open(slug, "203.0.113.1");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("live streams");

            open.add(open(slug, "203.0.113.2"));
            open.add(open(slug, "203.0.113.3"));
            assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
            assertThat(open(slug, "203.0.113.4").statusCode())
                    .as("past the cap in all")
                    .isEqualTo(429);
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    @Test
    void aStreamEndsAfterItsLifetimeSoTheCardReconnects() throws Exception {
        String slug = slug("lifetime");
        create(figure(slug));
        long start = System.nanoTime();
        HttpResponse<InputStream> stream = open(slug, "203.0.113.9");
        assertThat(stream.statusCode()).isEqualTo(200);
        String events = new String(stream.body().readAllBytes(), StandardCharsets.UTF_8); // returns when it ends
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(events).contains("id:1", "retry:2000");
        assertThat(seconds).isBetween(2L, 6L);
    }
}
