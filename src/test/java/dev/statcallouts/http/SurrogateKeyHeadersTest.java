package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SurrogateKeyHeadersTest {

    @Test
    void everyPublicReadOfAFigureNamesItsKey() {
        String slug = slug("keys");
        create(figure(slug));
        for (String path : List.of(
                "/embed/" + slug,
                "/s/" + slug,
                "/s/" + slug + "/data.csv",
                "/images/s/" + slug + ".png",
                "/images/s/" + slug + "/social.png",
                "/api/stats/" + slug,
                "/api/stats/" + slug + "/revisions",
                "/oembed?url=http://localhost:8081/s/" + slug)) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.header("Surrogate-Key")).as(path).isEqualTo("stat-" + slug);
            assertThat(response.header("Cache-Tag")).as(path).isEqualTo("stat-" + slug);
        }
        String etag = given().get("/embed/" + slug).header("ETag");
        assertThat(given().header("If-None-Match", etag).get("/embed/" + slug).header("Surrogate-Key"))
                .as("on a 304 too")
                .isEqualTo("stat-" + slug);
        assertThat(given().get("/api/stats").header("Surrogate-Key")).isEqualTo("stats");
    }

    @Test
    void collectionsNameTheirsAndRefusalsNone() {
        String figure = slug("keyed");
        create(figure(figure));
        String collection = slug("keyc");
        createCollection(collection, List.of(figure));
        for (String path : List.of(
                "/embed/c/" + collection,
                "/c/" + collection,
                "/images/c/" + collection + ".png",
                "/api/collections/" + collection)) {
            assertThat(given().get(path).header("Surrogate-Key")).as(path).isEqualTo("collection-" + collection);
        }
        assertThat(given().accept("application/json")
                        .get("/embed/no-such-figure-keys")
                        .header("Surrogate-Key"))
                .isNull();
    }
}
