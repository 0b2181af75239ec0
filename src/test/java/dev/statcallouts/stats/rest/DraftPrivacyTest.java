package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What a draft holds stays with the editors: after draft → edit → publish, no anonymous read
 * anywhere shows a draft-only value, note or any editor's name; drafts are deleted, not retracted.
 */
@QuarkusTest
class DraftPrivacyTest {

    @TestHTTPResource("/")
    URI base;

    /** A token whose editor name must never reach the public. */
    private static String editorToken(String editorName, String role) {
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "privacy-" + role, "editor", editorName, "role", role))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static Map<String, Object> draft(String slug) {
        Map<String, Object> draft = figure(slug);
        draft.put("status", "draft");
        draft.put("value", "987654321987");
        draft.put("label", "embargoed zqxw label");
        draft.put("context", "Embargoed context until the minister speaks.");
        draft.put("sources", List.of(Map.of("name", "Leaky Wire", "url", "https://draft-only.example/leak")));
        draft.put("note", "Embargoed until Monday 09:00");
        return draft;
    }

    @Test
    void noAnonymousReadShowsWhatOnlyADraftHeld() throws Exception {
        String editorName = slug("embargo.editor") + "@newsroom.example";
        String token = editorToken(editorName, "editor");
        String slug = slug("private");
        Map<String, Object> draft = draft(slug);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201);
        draft.put("value", "864213579642");
        draft.put("note", "second internal thought");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(draft)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200);
        Map<String, Object> published = figure(slug);
        published.put("note", "Published with the minister's figure");
        published.put("notePublic", true);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(published)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200);
        String collection = slug("private-c");
        createCollection(collection, List.of(slug));

        List<String> reads = new ArrayList<>(List.of(
                "/api/stats",
                "/api/stats?status=all",
                "/api/stats?q=embargoed",
                "/api/stats/" + slug,
                "/api/stats/" + slug + "/revisions",
                "/api/stats/" + slug + "/revisions/1",
                "/api/stats/" + slug + "/revisions/2",
                "/api/stats/" + slug + "/revisions/3",
                "/api/stats/" + slug + "?lang=ja",
                "/s/" + slug,
                "/c/" + collection,
                "/embed/" + slug,
                "/embed/" + slug + "?v=1",
                "/embed/" + slug + "?v=2",
                "/embed/" + slug + "?v=3",
                "/embed/c/" + collection,
                "/api/collections",
                "/api/collections/" + collection,
                "/api/stats/export.csv",
                "/api/stats/export.json",
                "/api/stats/" + slug + "/usage",
                "/api/stats/" + slug + "/usage/chart.svg",
                "/editor/figures/" + slug,
                "/q/openapi"));
        String permalink = URLEncoder.encode(base.resolve("/s/" + slug).toString(), StandardCharsets.UTF_8);
        reads.add("/oembed?url=" + permalink);
        reads.add("/oembed?url=" + permalink + "&format=xml");
        List<String> secrets = List.of(
                "987654321987",
                "864213579642",
                "123 billion",
                "864 billion",
                "1235億",
                "8642億",
                "zqxw",
                "Embargoed",
                "embargoed",
                "internal thought",
                "draft-only.example",
                "Leaky Wire",
                editorName,
                "embargo.editor",
                "privacy-editor");
        for (String read : reads) {
            String body = given().redirects()
                    .follow(false)
                    .when()
                    .get(read)
                    .then()
                    .extract()
                    .asString();
            for (String secret : secrets) {
                assertThat(body).as("GET %s must not show %s", read, secret).doesNotContain(secret);
            }
        }
        // Live streams: what a reconnecting card is sent straight away.
        assertThat(eventStream("/embed/" + slug + "/events"))
                .doesNotContain(secrets)
                .contains("id:3");

        given().when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].number", equalTo(3))
                .body("items[0].editor", nullValue())
                .body("items[0].note", equalTo("Published with the minister's figure"));
        given().when()
                .get("/api/stats/" + slug + "/revisions/1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("items[2].editor", equalTo(editorName))
                .body("items[2].note", equalTo("Embargoed until Monday 09:00"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions/1")
                .then()
                .statusCode(200)
                .body("editor", equalTo(editorName))
                .body("figure.value", equalTo("987654321987"));
    }

    /** What an event stream sends within a second of connecting as a card that saw revision 1. */
    private String eventStream(String path) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setRequestProperty("Last-Event-ID", "1");
        connection.setReadTimeout(1000);
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        try (InputStream in = connection.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException expected) {
            // The stream stays open; what came so far is what a card gets on connecting.
        } finally {
            connection.disconnect();
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    @Test
    void editsOfANeverPublishedDraftAreNotUpdates() {
        String slug = slug("fresh");
        Map<String, Object> draft = draft(slug);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .body("publishedAt", nullValue());
        draft.put("value", "864213579642");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(draft)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("changedAt", nullValue());
        Map<String, Object> published = figure(slug);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(published)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("changedAt", nullValue())
                .body("publishedAt", notNullValue());
        given().when().get("/embed/" + slug).then().statusCode(200).body(not(containsString("Updated")));
        given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .body(
                        not(containsString("Revision 1")),
                        not(containsString("Revision 2")),
                        containsString("Revision 3"));

        // A correction after publication is one.
        published.put("value", "930000000000");
        published.put("change", "correction");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(published)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("changedAt", notNullValue())
                .body("lastChange", equalTo("correction"));
        given().when().get("/embed/" + slug).then().statusCode(200).body(containsString("Corrected"));
    }

    @Test
    void aDraftIsDeletedNotRetracted() {
        String author = slug("author") + "@newsroom.example";
        String authorToken = editorToken(author, "editor");
        String otherToken = editorToken(slug("other") + "@newsroom.example", "editor");
        String slug = slug("never");
        given().auth()
                .oauth2(authorToken)
                .contentType(ContentType.JSON)
                .body(draft(slug))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201);

        Map<String, Long> before = rowCounts();
        given().auth()
                .oauth2(authorToken)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "changed our mind"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("(DELETE /api/stats/" + slug + ")"));
        given().when().get("/api/stats/" + slug).then().statusCode(404);
        given().when().get("/embed/" + slug).then().statusCode(404);
        given().auth()
                .oauth2(otherToken)
                .header("If-Match", "*")
                .when()
                .delete("/api/stats/" + slug)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);

        given().auth()
                .oauth2(authorToken)
                .header("If-Match", "*")
                .when()
                .delete("/api/stats/" + slug)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(404);
        given().when().get("/api/stats/" + slug).then().statusCode(404);
    }

    @Test
    void aFigureThatWasEverPublicIsNeverDeleted() {
        String slug = slug("was-public");
        Map<String, Object> published = figure(slug);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(published)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .header("If-Match", "*")
                .when()
                .delete("/api/stats/" + slug)
                .then()
                .statusCode(409)
                .body("detail", containsString("Retract it instead"));
        published.put("status", "draft");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(published)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .header("If-Match", "*")
                .when()
                .delete("/api/stats/" + slug)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "wrong survey"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(409)
                .body("detail", containsString("Publish it again"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"));
    }
}
