package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every cacheable public answer says what it varies on: the encoding, and nothing a CDN need not split on. */
@QuarkusTest
class VaryHeadersTest {

    @ConfigProperty(name = "quarkus.http.compress-media-types")
    List<String> compressedOnTheFly;

    /** What is gzipped from memory and what the HTTP layer gzips on the fly are the same types. */
    @Test
    void theTypesKeptGzippedAreTheTypesCompressedOnTheFly() {
        assertThat(compressedOnTheFly).isNotEmpty();
        for (String type : compressedOnTheFly) {
            assertThat(Gzip.compressible(type + ";charset=UTF-8")).as(type).isTrue();
        }
        assertThat(Gzip.compressible("image/png")).isFalse();
        assertThat(Gzip.compressible("application/octet-stream")).isFalse();
    }

    @Test
    void everyPublicReadVariesOnTheEncodingAndNotOnTheLanguage() {
        String stat = slug("vary");
        create(figure(stat));
        String collection = slug("varyc");
        createCollection(collection, List.of(stat));
        for (String path : List.of(
                "/embed/" + stat,
                "/embed/c/" + collection,
                "/s/" + stat,
                "/c/" + collection,
                "/s/" + stat + "/data.json",
                "/oembed?url=http://localhost:8081/s/" + stat,
                "/api/stats",
                "/api/stats/" + stat,
                "/api/stats/" + stat + "/revisions",
                "/api/collections",
                "/api/collections/" + collection,
                "/images/s/" + stat + ".svg")) {
            for (String encoding : List.of("gzip", "identity")) {
                Response answer = given().header("Accept-Encoding", encoding).get(path);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(answer.header("Cache-Control")).as(path).contains("public");
                assertThat(answer.header("Vary"))
                        .as(path + " (" + encoding + ")")
                        .containsIgnoringCase("Accept-Encoding");
                assertThat(answer.header("Vary")).as(path).doesNotContainIgnoringCase("Accept-Language");
            }
        }
        String etag = given().get("/s/" + stat).header("ETag");
        assertThat(given().header("If-None-Match", etag).get("/s/" + stat).header("Vary"))
                .as("a 304 varies as its 200 does")
                .containsIgnoringCase("Accept-Encoding");
        assertThat(given().get("/api/stats/" + stat).header("Vary"))
                .as("what the route varied on already is kept")
                .containsIgnoringCase("Authorization");
    }

    @Test
    void aVaryValueNamesEachHeaderOnce() {
        assertThat(VaryHeaders.with(null, "Accept-Encoding")).isEqualTo("Accept-Encoding");
        assertThat(VaryHeaders.with("Authorization", "Accept-Encoding")).isEqualTo("Authorization, Accept-Encoding");
        assertThat(VaryHeaders.with("Accept, accept-encoding", "Accept-Encoding"))
                .isEqualTo("Accept, accept-encoding");
    }
}
