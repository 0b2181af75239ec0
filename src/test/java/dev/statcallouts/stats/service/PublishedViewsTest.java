package dev.statcallouts.stats.service;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The API's figure read past the kept answers (with a token): made once per version and language, never stale. */
@QuarkusTest
class PublishedViewsTest {

    @Inject
    MeterRegistry registry;

    private double requests(String result) {
        return registry.counter("statcallouts.api.views.requests", "result", result)
                .count();
    }

    private static Response read(String slug, String lang) {
        return pastMemory().queryParam("lang", lang).when().get("/api/stats/" + slug);
    }

    private static JsonPath view(String slug, String lang) {
        return read(slug, lang).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aVersionIsMadeOncePerLanguageWithTheSameBodyAndTag() {
        String slug = slug("viewed");
        String created = create(figure(slug));
        double hits = requests("hit");
        double misses = requests("miss");

        Response first = read(slug, null);
        Response again = read(slug, null);
        assertThat(view(slug, "ja").getString("formatted")).isEqualTo("9200億円");
        view(slug, "ja");

        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(first.header("ETag")).isEqualTo(again.header("ETag")).isEqualTo(created);
        assertThat(requests("miss") - misses).as("views made").isEqualTo(2);
        assertThat(requests("hit") - hits).isEqualTo(2);
        pastMemory()
                .header("If-None-Match", first.header("ETag"))
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(304);
    }

    @Test
    void everyChangeIsOnTheNextReadWhateverItTouched() {
        String slug = slug("viewed-change");
        Map<String, Object> figure = figure(slug);
        create(figure);
        assertThat(view(slug, null).getList("sources.name")).containsExactly("Reuters");

        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Nikkei Asia");
        source.put("url", "https://asia.nikkei.com/rapidus");
        figure.put("sources", List.of(source));
        update(figure);
        assertThat(view(slug, null).getList("sources.name")).containsExactly("Nikkei Asia");

        figure.put("tags", List.of("chips"));
        update(figure);
        assertThat(view(slug, null).getList("tags")).containsExactly("chips");

        Map<String, Object> ja = new LinkedHashMap<>();
        ja.put("label", "ラピダスへの投資総額");
        figure.put("translations", Map.of("ja", ja));
        update(figure);
        assertThat(view(slug, "ja").getString("translations.ja.label")).isEqualTo("ラピダスへの投資総額");

        figure.put("value", "1000000000000");
        update(figure);
        assertThat(view(slug, null).getString("formatted")).isEqualTo("¥1 trillion");

        retract(slug, "The figure was withdrawn");
        JsonPath retracted = view(slug, null);
        assertThat(retracted.getString("status")).isEqualTo("retracted");
        assertThat(retracted.getString("retractionReason")).isEqualTo("The figure was withdrawn");
    }

    private static JsonPath page(String tag, String status) {
        return pastMemory()
                .queryParam("tag", tag)
                .queryParam("status", status)
                .queryParam("sort", "slug")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aPageOfTheListTakesEachFiguresViewForItsVersionAndIsNeverStale() {
        String tag = slug("listed");
        String a = slug("listed-a");
        String b = slug("listed-b");
        String draft = slug("listed-c");
        Map<String, Object> first = figure(a, tag);
        create(first);
        create(figure(b, tag));
        Map<String, Object> unpublished = figure(draft, tag);
        unpublished.put("status", "draft");
        create(unpublished);

        JsonPath before = page(tag, "published");
        assertThat(before.getList("items.slug")).containsExactly(a, b);
        double hits = requests("hit");
        double misses = requests("miss");
        JsonPath again = page(tag, "published");
        assertThat(again.prettify()).isEqualTo(before.prettify());
        assertThat(requests("hit") - hits).as("both views kept").isEqualTo(2);
        assertThat(requests("miss") - misses).isZero();

        first.put("value", "1000000000000");
        update(first);
        assertThat(page(tag, "published").getList("items.formatted")).containsExactly("¥1 trillion", "¥920 billion");

        assertThat(page(tag, "all").getList("items.slug"))
                .as("an editor's page has the draft, read anew")
                .containsExactly(a, b, draft);
    }

    @Test
    void aDraftIsReadAnewForEditorsAndIsNoOneElses() {
        String slug = slug("viewed-draft");
        createDraft(slug);
        given().when().get("/api/stats/" + slug).then().statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("private"));
    }
}
