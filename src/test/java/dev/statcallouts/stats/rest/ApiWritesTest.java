package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Writes name the version they change (If-Match), PATCH merges, and refusals say what to send. */
@QuarkusTest
class ApiWritesTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    private static String etag(String path) {
        return admin().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void everyWriteWithoutIfMatchIs428AndWritesNothing() {
        String slug = slug("428");
        create(figure(slug));
        String draft = slug("428d");
        createDraft(draft);
        String collection = slug("428c");
        createCollection(collection, List.of(slug));
        Map<String, Long> before = rowCounts();

        List<Response> answers = List.of(
                admin().contentType(ContentType.JSON).body(figure(slug)).put("/api/stats/" + slug),
                admin().contentType(MERGE_PATCH).body(Map.of("label", "x")).patch("/api/stats/" + slug),
                admin().contentType("application/json")
                        .queryParam("reason", "Wrong.")
                        .post("/api/stats/" + slug + "/retraction"),
                admin().delete("/api/stats/" + draft),
                admin().contentType(ContentType.JSON)
                        .body(Map.of("slug", collection, "title", "T", "stats", List.of(slug)))
                        .put("/api/collections/" + collection),
                admin().delete("/api/collections/" + collection));
        for (Response answer : answers) {
            answer.then()
                    .statusCode(428)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Precondition Required"))
                    .body("detail", containsString("If-Match"));
        }
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void deleteIsForDraftsAndRetractionIsItsOwnOperation() {
        String published = slug("pub");
        create(figure(published));
        admin().header("If-Match", "*")
                .delete("/api/stats/" + published)
                .then()
                .statusCode(409)
                .body("detail", containsString("POST /api/stats/" + published + "/retraction"));
        admin().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("reason", "The survey was withdrawn."))
                .post("/api/stats/" + published + "/retraction")
                .then()
                .statusCode(200)
                .body("status", equalTo("retracted"));

        String draft = slug("draft");
        createDraft(draft);
        admin().header("If-Match", "*").delete("/api/stats/" + draft).then().statusCode(204);
        String former = slug("former");
        createDraft(former);
        // The former address still works.
        admin().header("If-Match", "*")
                .delete("/api/stats/" + former + "/draft")
                .then()
                .statusCode(204);
        admin().get("/api/stats/" + former).then().statusCode(404);
    }

    @Test
    void aStaleWriteIs412AndNamesTheCurrentVersion() {
        String slug = slug("412");
        String first = create(figure(slug));
        Map<String, Object> changed = figure(slug);
        changed.put("label", "a changed label");
        changed.put("change", "edit");
        String current = admin().contentType(ContentType.JSON)
                .header("If-Match", first)
                .body(changed)
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        admin().contentType(ContentType.JSON)
                .header("If-Match", first)
                .body(figure(slug))
                .put("/api/stats/" + slug)
                .then()
                .statusCode(412)
                .header("ETag", current);
        assertThat(current).isEqualTo(etag("/api/stats/" + slug));
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String slug = slug("patch");
        String version = create(figure(slug));
        Response patched = admin().contentType(MERGE_PATCH)
                .header("If-Match", version)
                .body("{\"label\": \"cumulative state investment in Rapidus\", \"context\": null,"
                        + " \"display\": {\"notation\": \"full\"}, \"change\": \"edit\"}")
                .patch("/api/stats/" + slug);
        patched.then()
                .statusCode(200)
                .body("label", equalTo("cumulative state investment in Rapidus"))
                .body("context", nullValue())
                .body("display.notation", equalTo("full"))
                .body("display.currency", equalTo("JPY"))
                .body("value", equalTo("920000000000"))
                .body("sources[0].name", equalTo("Reuters"))
                .body("translations.ja.label", equalTo("ラピダスへの累計投資額"));
        assertThat(patched.header("ETag")).isNotEqualTo(version);

        // A new value must say what it is, as on a PUT; with "update" it is saved.
        admin().contentType(MERGE_PATCH)
                .header("If-Match", "*")
                .body(Map.of("value", "950000000000"))
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("change"));
        admin().contentType(MERGE_PATCH)
                .header("If-Match", patched.header("ETag"))
                .body(Map.of("value", "950000000000", "asOf", "2025-04-01", "change", "update"))
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("value", equalTo("950000000000"));
        // Stale, unknown fields, broken rules and the wrong type are refused as on a PUT.
        admin().contentType(MERGE_PATCH)
                .header("If-Match", version)
                .body(Map.of("label", "x"))
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(412)
                .header("ETag", not(nullValue()));
        admin().contentType(MERGE_PATCH)
                .header("If-Match", "*")
                .body(Map.of("colour", "red"))
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        admin().contentType(MERGE_PATCH)
                .header("If-Match", "*")
                .body("{\"label\": \"\", \"change\": \"edit\"}")
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("label"));
        admin().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("label", "x"))
                .patch("/api/stats/" + slug)
                .then()
                .statusCode(415)
                .body("detail", containsString("application/merge-patch+json"))
                .body("detail", not(containsString("@")));
    }

    @Test
    void refusalsSayWhatToSend() {
        admin().contentType(ContentType.JSON)
                .body("{\n  \"slug\": \"x\",\n  \"value\" 3\n}")
                .post("/api/stats")
                .then()
                .statusCode(400)
                .body("detail", containsString("(line 3, column"));
        Map<String, Object> badDate = figure(slug("date"));
        badDate.put("asOf", "2024/04/02");
        admin().contentType(ContentType.JSON)
                .body(badDate)
                .post("/api/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"))
                .body("errors[0].message", equalTo("expected a date as YYYY-MM-DD"));
        Map<String, Object> badValue = figure(slug("value"));
        badValue.put("value", List.of(1));
        admin().contentType(ContentType.JSON)
                .body(badValue)
                .post("/api/stats")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("expected a decimal number"));
        admin().contentType(ContentType.TEXT)
                .body("slug,value")
                .post("/api/stats")
                .then()
                .statusCode(415)
                .body("detail", not(containsString("@Consumes")));
    }

    @Test
    void a403SaysWhetherTheTokenIsRevokedOrLacksTheRole() {
        String reader = token("reader");
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(figure(slug("role")))
                .post("/api/stats")
                .then()
                .statusCode(403)
                .body("detail", containsString("role reader"));

        String editor = token("editor");
        long id = admin().get("/api/tokens").jsonPath().getLong("find { it.editor == 'editor@tests.example' }.id");
        admin().delete("/api/tokens/" + id).then().statusCode(200);
        given().auth()
                .oauth2(editor)
                .contentType(ContentType.JSON)
                .body(figure(slug("revoked")))
                .post("/api/stats")
                .then()
                .statusCode(403)
                .body("detail", containsString("revoked"));
    }
}
