package dev.statcallouts.collections.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class CollectionResourceTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    private static List<String> figures(int count, String status) {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = figure(slug("member"));
            body.put("status", status);
            create(body);
            slugs.add((String) body.get("slug"));
        }
        return slugs;
    }

    private static Map<String, Object> collection(String slug, List<String> stats, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("title", "AI by the numbers");
        body.put("stats", stats);
        body.put("status", status);
        return body;
    }

    @Test
    void createKeepsTheOrderAndHidesDraftMembersFromThePublic() {
        List<String> published = figures(3, "published");
        List<String> draft = figures(1, "draft");
        String slug = slug("coll");
        List<String> order = List.of(published.get(2), draft.get(0), published.get(0), published.get(1));
        asAdmin()
                .body(collection(slug, order, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/collections/" + slug))
                .body("stats.slug", contains(order.toArray()));
        given().queryParam("lang", "ja")
                .when()
                .get("/api/collections/" + slug)
                .then()
                .statusCode(200)
                .body("stats.slug", contains(published.get(2), published.get(0), published.get(1)))
                .body("stats[0].formatted", equalTo("9200億円"));
    }

    @Test
    void draftCollectionsAre404ToThePublic() {
        String slug = slug("draft-coll");
        asAdmin()
                .body(collection(slug, figures(1, "published"), "draft"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201);
        given().when().get("/api/collections/" + slug).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("size", 100).when().get("/api/collections").then().body("items.slug", not(hasItem(slug)));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/collections/" + slug)
                .then()
                .statusCode(200);
    }

    @Test
    void updateHonoursIfMatchAndEtagFollowsMemberChanges() {
        List<String> members = figures(2, "published");
        String slug = slug("etag-coll");
        String etag = asAdmin()
                .body(collection(slug, members, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/api/collections/" + slug)
                .then()
                .statusCode(304);

        // Correcting a member figure changes the collection's ETag.
        Map<String, Object> corrected = figure(members.get(0));
        corrected.put("value", "930000000000");
        corrected.put("change", "correction");
        asAdmin()
                .body(corrected)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + members.get(0))
                .then()
                .statusCode(200);
        String afterCorrection = given().when()
                .get("/api/collections/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(afterCorrection).isNotEqualTo(etag);

        Map<String, Object> reordered = collection(slug, List.of(members.get(1), members.get(0)), "published");
        asAdmin()
                .header("If-Match", etag)
                .body(reordered)
                .when()
                .put("/api/collections/" + slug)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        asAdmin()
                .header("If-Match", afterCorrection)
                .body(reordered)
                .when()
                .put("/api/collections/" + slug)
                .then()
                .statusCode(200)
                .body("stats.slug", contains(members.get(1), members.get(0)));
    }

    @Test
    void badCollectionsAreProblemsAndWriteNothing() {
        List<String> members = figures(1, "published");
        String taken = slug("taken-coll");
        asAdmin()
                .body(collection(taken, members, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201);
        Map<String, Long> before = rowCounts();

        asAdmin()
                .body(collection(slug("c"), List.of(members.get(0), "no-such-figure"), "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stats[1]"));
        asAdmin()
                .body(collection(slug("c"), List.of(members.get(0), members.get(0)), "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stats[1]"));
        asAdmin()
                .body(collection(slug("c"), List.of(), "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("stats"));
        asAdmin()
                .body(collection(taken, members, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(409);
        given().contentType(ContentType.JSON)
                .body(collection(slug("c"), members, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(401);
        asAdmin()
                .body("{\"title\": ")
                .when()
                .post("/api/collections")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void deleteRemovesTheCollectionButNotItsFigures() {
        List<String> members = figures(1, "published");
        String slug = slug("del-coll");
        asAdmin()
                .body(collection(slug, members, "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .header("If-Match", "*")
                .when()
                .delete("/api/collections/" + slug)
                .then()
                .statusCode(204);
        given().when().get("/api/collections/" + slug).then().statusCode(404);
        given().when().get("/api/stats/" + members.get(0)).then().statusCode(200);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .header("If-Match", "*")
                .when()
                .delete("/api/collections/" + slug)
                .then()
                .statusCode(404);
    }

    @Test
    void aCollectionInALanguageOnlyWhenItAndEveryFigureHaveWordsInIt() {
        String a = slug("tra");
        String b = slug("trb");
        create(figure(a));
        create(figure(b));
        String slug = slug("trcoll");
        Map<String, Object> body = new HashMap<>(Map.of(
                "slug",
                slug,
                "title",
                "Chips in numbers",
                "description",
                "What Japan spends on chips.",
                "stats",
                List.of(a, b),
                "status",
                "published",
                "translations",
                Map.of("ja", Map.of("title", "数字で見る半導体", "description", "日本の半導体投資。"))));
        asAdmin()
                .body(body)
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201)
                .body("locale", equalTo("en"))
                .body("translations.ja.title", equalTo("数字で見る半導体"));

        String ja = given().queryParam("lang", "ja")
                .when()
                .get("/embed/c/" + slug)
                .then()
                .header("Content-Language", "ja")
                .extract()
                .asString();
        assertThat(ja)
                .contains("<html lang=\"ja\">", "数字で見る半導体", "日本の半導体投資。", "9200億円", "ラピダスへの累計投資額")
                .doesNotContain("Chips in numbers", "cumulative investment");
        String de =
                given().queryParam("lang", "de").when().get("/embed/c/" + slug).asString();
        assertThat(de)
                .contains("<html lang=\"en\">", "Chips in numbers", "¥920 billion")
                .doesNotContain("数字");
        String page = given().queryParam("lang", "ja").when().get("/c/" + slug).asString();
        assertThat(page).contains("数字で見る半導体", "hreflang=\"ja\"");

        // Without Japanese words for the collection, its Japanese card is wholly English.
        body.put("translations", Map.of());
        asAdmin()
                .body(body)
                .when()
                .header("If-Match", "*")
                .put("/api/collections/" + slug)
                .then()
                .statusCode(200);
        assertThat(given().queryParam("lang", "ja")
                        .when()
                        .get("/embed/c/" + slug)
                        .asString())
                .contains("<html lang=\"en\">", "Chips in numbers", "cumulative investment")
                .doesNotContain("ラピダス");

        body.put("translations", Map.of("en", Map.of("title", "x")));
        asAdmin()
                .body(body)
                .header("If-Match", "*")
                .when()
                .put("/api/collections/" + slug)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("translations[en]"));
    }
}
