package dev.statcallouts.permalink;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.pastMemory;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Permalink pages read past the kept answers (with a token): rendered once per version and language, never stale. */
@QuarkusTest
class PermalinkRendersTest {

    @Inject
    MeterRegistry registry;

    private double requests(String result) {
        return registry.counter("statcallouts.permalinks.rendered.requests", "result", result)
                .count();
    }

    /** The page as a token holder reads it: never from the kept answers. */
    private static Response read(String slug, String lang) {
        return pastMemory().queryParam("lang", lang).when().get("/s/" + slug);
    }

    private static String page(String slug, String lang) {
        return read(slug, lang).then().statusCode(200).extract().asString();
    }

    @Test
    void aVersionIsRenderedOncePerLanguageAndItsPageIsTheSameBytesAndTag() {
        String slug = slug("rendered");
        create(figure(slug));
        double hits = requests("hit");
        double misses = requests("miss");

        Response first = read(slug, null);
        Response again = read(slug, null);
        String japanese = page(slug, "ja");
        page(slug, "ja");

        assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy"));
        assertThat(japanese).contains("<html lang=\"ja\">");
        assertThat(requests("miss") - misses).as("renders").isEqualTo(2);
        assertThat(requests("hit") - hits).isEqualTo(2);
        read(slug, null)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .header("Link", containsString("application/json+oembed"));
        pastMemory()
                .header("If-None-Match", first.header("ETag"))
                .when()
                .get("/s/" + slug)
                .then()
                .statusCode(304);
    }

    @Test
    void everyChangeReadersSeeIsOnTheNextReadWhateverItTouched() {
        String slug = slug("rendered-change");
        Map<String, Object> figure = figure(slug);
        create(figure);
        assertThat(page(slug, null)).contains("Reuters", "¥920 billion");

        // Only the sources (another table).
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Nikkei Asia");
        source.put("url", "https://asia.nikkei.com/rapidus");
        figure.put("sources", List.of(source));
        update(figure);
        assertThat(page(slug, null)).contains("Nikkei Asia").doesNotContain("Reuters");

        // Only a translation (another table again).
        Map<String, Object> ja = new LinkedHashMap<>();
        ja.put("label", "ラピダスへの投資総額");
        figure.put("translations", Map.of("ja", ja));
        update(figure);
        assertThat(page(slug, "ja")).contains("ラピダスへの投資総額").doesNotContain("ラピダスへの累計投資額");

        // The value: a new revision in the history.
        figure.put("value", "1000000000000");
        update(figure);
        assertThat(page(slug, null)).contains("¥1 trillion", "Revision 2");

        retract(slug, "The figure was withdrawn");
        assertThat(page(slug, null)).contains("Retracted: The figure was withdrawn");
    }

    @Test
    void aCollectionsPageFollowsItsOwnChangesAndEachOfItsFigures() {
        String first = slug("rendered-member");
        String second = slug("rendered-member");
        Map<String, Object> firstFigure = figure(first);
        create(firstFigure);
        Map<String, Object> secondFigure = figure(second);
        secondFigure.put("label", "second figure of the collection");
        create(secondFigure);
        String collection = slug("rendered-collection");
        createCollection(collection, List.of(first, second));
        double misses = requests("miss");
        assertThat(collectionPage(collection)).contains("AI by the numbers", "second figure of the collection");
        assertThat(collectionPage(collection)).contains("AI by the numbers");
        assertThat(requests("miss") - misses).as("renders").isEqualTo(1);

        // One of its figures changes.
        firstFigure.put("label", "corrected investment in Rapidus");
        update(firstFigure);
        assertThat(collectionPage(collection)).contains("corrected investment in Rapidus");

        // The collection itself: its title, then its figures' order, then one figure fewer.
        putCollection(collection, "AI in figures", List.of(first, second));
        assertThat(collectionPage(collection)).contains("AI in figures");
        putCollection(collection, "AI in figures", List.of(second, first));
        String reordered = collectionPage(collection);
        assertThat(reordered.indexOf("second figure of the collection"))
                .isLessThan(reordered.indexOf("corrected investment in Rapidus"));
        putCollection(collection, "AI in figures", List.of(second));
        assertThat(collectionPage(collection)).doesNotContain("corrected investment in Rapidus");
    }

    private static String collectionPage(String slug) {
        return pastMemory()
                .when()
                .get("/c/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void putCollection(String slug, String title, List<String> stats) {
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .header("If-Match", "*")
                .body(Map.of("slug", slug, "title", title, "stats", stats, "status", "published"))
                .when()
                .put("/api/collections/" + slug)
                .then()
                .statusCode(200);
    }

    @Test
    void aDraftIsNotFoundPastTheKeptAnswersToo() {
        String slug = slug("rendered-draft");
        createDraft(slug);
        read(slug, null).then().statusCode(404).contentType("application/problem+json");
        pastMemory()
                .when()
                .get("/c/" + slug("rendered-none"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
