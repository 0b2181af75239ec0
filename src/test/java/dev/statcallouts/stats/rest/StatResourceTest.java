package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.statcallouts.common.Slugs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class StatResourceTest {

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    // --- create and read ---------------------------------------------------------------------

    @Test
    void createReturns201WithLocationEtagAndFormattedFigure() {
        String slug = slug("rapidus");
        asAdmin()
                .body(figure(slug))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/stats/" + slug))
                .header("ETag", notNullValue())
                .body("slug", equalTo(slug))
                .body("value", equalTo("920000000000"))
                .body("formatted", equalTo("¥920 billion"))
                .body("display.kind", equalTo("currency"))
                .body("display.currency", equalTo("JPY"))
                .body("sources[0].name", equalTo("Reuters"))
                .body("tags", contains("japan", "semiconductors"))
                .body("status", equalTo("published"))
                .body("revision", equalTo(1));
    }

    @Test
    void getFormatsForTheRequestedLanguage() {
        String slug = slug("lang");
        create(figure(slug));
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", equalTo("¥920 billion"))
                .body("lang", equalTo("en"));
        given().queryParam("lang", "ja")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", equalTo("9200億円"))
                .body("lang", equalTo("ja"));
        given().queryParam("lang", "fr")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", equalTo("920 milliards\u00a0JPY"));
    }

    @Test
    void valueStaysExact() {
        String slug = slug("exact");
        Map<String, Object> body = figure(slug);
        body.put("value", new BigDecimal("12345678901234567890.123456789"));
        body.put("display", Map.of("kind", "count", "notation", "full"));
        asAdmin()
                .body(body)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .body("value", equalTo("12345678901234567890.123456789"))
                .body("formatted", equalTo("12,345,678,901,234,567,890.123456789"));
    }

    @Test
    void slugIsDerivedFromTheLabelAndMadeUnique() {
        Map<String, Object> body = figure(null);
        body.remove("slug");
        String label = "Derived " + slug("label");
        body.put("label", label);
        String first = asAdmin()
                .body(body)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
        String second = asAdmin()
                .body(body)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
        assertThat(first).isEqualTo(Slugs.fromText(label));
        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void unknownSlugIs404Problem() {
        given().when()
                .get("/api/stats/" + slug("missing"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"));
    }

    @Test
    void draftsAreInvisibleToThePublicButNotToTokenHolders() {
        String slug = slug("draft");
        createDraft(slug);
        given().when().get("/api/stats/" + slug).then().statusCode(404);
        given().when().get("/api/stats/" + slug + "/revisions").then().statusCode(404);
        given().queryParam("status", "draft")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().queryParam("status", "all")
                .queryParam("size", 100)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", not(hasItem(slug)));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"))
                .header("Cache-Control", containsString("private"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .queryParam("status", "draft")
                .queryParam("size", 100)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(slug));
    }

    // --- list -----------------------------------------------------------------------------------

    @Test
    void listPagesFiltersByTagAndSortsByLastUpdate() {
        String tag = slug("tag");
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = figure(slug("list"));
            body.put("tags", List.of(tag));
            create(body);
            slugs.add((String) body.get("slug"));
        }
        given().queryParam("tag", tag)
                .queryParam("size", 2)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalPages", equalTo(2))
                .body("page", equalTo(1))
                .body("items.slug", contains(slugs.get(2), slugs.get(1)));
        given().queryParam("tag", tag)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .header("If-Match", "*")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", contains(slugs.get(0)));

        // Updating the oldest moves it to the front.
        Map<String, Object> changed = figure(slugs.get(0));
        changed.put("tags", List.of(tag));
        changed.put("label", "updated label");
        asAdmin()
                .body(changed)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slugs.get(0))
                .then()
                .statusCode(200);
        given().queryParam("tag", tag).when().get("/api/stats").then().body("items[0].slug", equalTo(slugs.get(0)));
    }

    @Test
    void fullTextSearchCoversLabelContextAndSourceNames() {
        String word = "zq" + slug("w").replace("-", "");
        String tag = slug("search");
        Map<String, Object> byLabel = figure(slug("s1"));
        byLabel.put("label", "organizations " + word + " adopting");
        byLabel.put("tags", List.of(tag));
        Map<String, Object> byContext = figure(slug("s2"));
        byContext.put("context", "a sentence mentioning " + word);
        byContext.put("tags", List.of(tag));
        Map<String, Object> bySource = figure(slug("s3"));
        bySource.put("sources", List.of(Map.of("name", "Institute " + word, "url", "https://example.org/r")));
        bySource.put("tags", List.of(tag));
        Map<String, Object> none = figure(slug("s4"));
        none.put("tags", List.of(tag));
        for (Map<String, Object> body : List.of(byLabel, byContext, bySource, none)) {
            create(body);
        }
        given().queryParam("q", word)
                .queryParam("tag", tag)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.slug", not(hasItem(none.get("slug"))));
        // English stemming: "organization" finds "organizations".
        given().queryParam("q", "organization " + word)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", contains(byLabel.get("slug")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"size=0", "size=101", "page=0", "status=bogus", "lang=not_a_tag!", "size=abc"})
    void badListParametersAre400(String query) {
        given().when().get("/api/stats?" + query).then().statusCode(400).contentType("application/problem+json");
    }

    // --- conditional requests --------------------------------------------------------------------

    @Test
    void getAnswers304ForAMatchingEtag() {
        String slug = slug("etag");
        create(figure(slug));
        String etag = given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200);

        String listEtag = given().when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(listEtag).isNotBlank();
        given().header("If-None-Match", listEtag)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(304);
    }

    @Test
    void aListsEtagChangesWithWhatThePageShowsAndOnlyThen() {
        String slug = slug("listtag");
        String etag = create(figure(slug));
        // With a token, every read of the list goes to the database and makes its tag anew.
        Response first =
                asAdmin().queryParam("q", slug).queryParam("status", "all").get("/api/stats");
        first.then().statusCode(200).body("items.slug", equalTo(List.of(slug)));
        Response again =
                asAdmin().queryParam("q", slug).queryParam("status", "all").get("/api/stats");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.asString()).isEqualTo(first.asString());
        asAdmin()
                .header("If-None-Match", first.header("ETag"))
                .queryParam("q", slug)
                .queryParam("status", "all")
                .get("/api/stats")
                .then()
                .statusCode(304);
        assertThat(asAdmin()
                        .queryParam("q", slug)
                        .queryParam("status", "all")
                        .queryParam("lang", "ja")
                        .get("/api/stats")
                        .header("ETag"))
                .as("another language is another representation")
                .isNotEqualTo(first.header("ETag"));
        assertThat(asAdmin()
                        .queryParam("q", slug)
                        .queryParam("status", "all")
                        .queryParam("page", 2)
                        .get("/api/stats")
                        .header("ETag"))
                .as("another page is another representation")
                .isNotEqualTo(first.header("ETag"));

        Map<String, Object> changed = figure(slug);
        changed.put("label", "changed since the list was read");
        asAdmin()
                .header("If-Match", etag)
                .body(changed)
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200);
        Response after = asAdmin()
                .header("If-None-Match", first.header("ETag"))
                .queryParam("q", slug)
                .queryParam("status", "all")
                .get("/api/stats");
        after.then().statusCode(200).body("items[0].label", equalTo("changed since the list was read"));
        assertThat(after.header("ETag")).isNotEqualTo(first.header("ETag"));
    }

    @Test
    void putWithAStaleIfMatchIs412AndChangesNothing() {
        String slug = slug("stale");
        String etag = create(figure(slug));
        Map<String, Object> first = figure(slug);
        first.put("label", "first editor");
        String newEtag = asAdmin()
                .header("If-Match", etag)
                .body(first)
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);

        Map<String, Object> second = figure(slug);
        second.put("label", "second editor");
        asAdmin()
                .header("If-Match", etag)
                .body(second)
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        asAdmin()
                .header("If-Match", etag)
                .body(Map.of("reason", "x"))
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(412);
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .body("label", equalTo("first editor"))
                .body("revision", equalTo(2))
                .body("status", equalTo("published"));
    }

    @Test
    void twoConcurrentWritersWithTheSameEtagCannotBothWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String slug = slug("race");
            String etag = create(figure(slug));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Map<String, Object> body = figure(slug);
                body.put("label", "writer " + w);
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return asAdmin()
                            .header("If-Match", etag)
                            .body(body)
                            .when()
                            .put("/api/stats/" + slug)
                            .then()
                            .extract()
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses =
                    writers.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 412);
            asAdmin().when().get("/api/stats/" + slug + "/revisions").then().body("items", hasSize(2));
        }
    }

    // --- revisions ---------------------------------------------------------------------------------

    @Test
    void everyChangeIsANumberedRevisionAndANoOpPutIsNot() {
        String slug = slug("rev");
        create(figure(slug));
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "950000000000");
        corrected.put("note", "Corrected to the fiscal 2025 total");
        corrected.put("change", "correction");
        corrected.put("notePublic", true);
        asAdmin()
                .body(corrected)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("formatted", equalTo("¥950 billion"));

        // The same content again (value written differently, tags reordered): no new revision.
        Map<String, Object> same = figure(slug);
        same.put("value", 9.5E11);
        same.put("tags", List.of("JAPAN", "semiconductors"));
        same.put("note", "nothing changed");
        String etag = asAdmin()
                .body(same)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .extract()
                .header("ETag");
        asAdmin()
                .body(same)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .header("ETag", equalTo(etag));

        asAdmin()
                .body(Map.of("reason", "Source withdrew the report"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(200)
                .body("status", equalTo("retracted"))
                .body("retractionReason", equalTo("Source withdrew the report"))
                .body("revision", equalTo(3));

        asAdmin()
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("items.number", contains(3, 2, 1))
                .body("items.editor", contains("admin", "admin", "admin"))
                .body("items.status", contains("retracted", "published", "published"))
                .body("items.note[1]", equalTo("Corrected to the fiscal 2025 total"))
                .body("items.formatted[2]", equalTo("¥920 billion"));
        given().when()
                .get("/api/stats/" + slug + "/revisions/1")
                .then()
                .statusCode(200)
                .body("number", equalTo(1))
                .body("figure.value", equalTo("920000000000"))
                .body("formatted", equalTo("¥920 billion"));
        given().queryParam("lang", "ja")
                .when()
                .get("/api/stats/" + slug + "/revisions/2")
                .then()
                .statusCode(200)
                .body("formatted", equalTo("9500億円"));
        given().when()
                .get("/api/stats/" + slug + "/revisions/4")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void retractedFiguresStayVisibleAndCanBeRestored() {
        String slug = slug("retract");
        create(figure(slug));
        asAdmin()
                .queryParam("reason", "Wrong unit")
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(200)
                .body("status", equalTo("retracted"));
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("retracted"))
                .body("retractionReason", equalTo("Wrong unit"));
        given().queryParam("status", "retracted")
                .queryParam("size", 100)
                .when()
                .get("/api/stats")
                .then()
                .body("items.slug", hasItem(slug));

        Map<String, Object> republished = figure(slug);
        republished.put("status", "published");
        asAdmin()
                .body(republished)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("published"))
                .body("retractionReason", nullValue());
    }

    @Test
    void retractionNeedsAReason() {
        String slug = slug("noreason");
        create(figure(slug));
        Map<String, Long> before = rowCounts();
        asAdmin()
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        asAdmin()
                .body(Map.of("reason", " "))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(422);
        assertThat(rowCounts()).isEqualTo(before);
        given().when().get("/api/stats/" + slug).then().body("status", equalTo("published"));
    }

    // --- bad input ---------------------------------------------------------------------------------

    @Test
    void everyKindOfBadInputIsAProblemNamingTheFieldAndWritesNothing() {
        String taken = slug("taken");
        create(figure(taken));
        Map<String, Long> before = rowCounts();

        expectProblem(asAdmin().body("{\"slug\": \"x\", "), 400, null);
        expectProblem(asAdmin().body("[1, 2]"), 400, null);
        expectProblem(asAdmin().body(with("value", "lots")), 400, "value");
        expectProblem(asAdmin().body(with("asOf", "yesterday")), 400, "asOf");
        expectProblem(asAdmin().body(with("sources", "Reuters")), 400, "sources");
        expectProblem(asAdmin().body(with("valeu", "1")), 400, "valeu");
        expectProblem(asAdmin().body(withDisplay("currency", "XYZ")), 422, "display.currency");
        expectProblem(asAdmin().body(withDisplay("currency", null)), 422, "display.currency");
        expectProblem(asAdmin().body(withDisplay("kind", "ratio")), 422, "display.kind");
        expectProblem(asAdmin().body(withDisplay("qualifier", "++")), 422, "display.qualifier");
        expectProblem(asAdmin().body(withSourceUrl("javascript:alert(1)")), 422, "sources[0].url");
        expectProblem(asAdmin().body(withSourceUrl("data:text/html,<script>alert(1)</script>")), 422, "sources[0].url");
        expectProblem(asAdmin().body(withSourceUrl("/relative/path")), 422, "sources[0].url");
        expectProblem(asAdmin().body(withSourceUrl("ftp://example.org/file")), 422, "sources[0].url");
        expectProblem(asAdmin().body(with("sources", List.of())), 422, "sources");
        expectProblem(asAdmin().body(with("label", "x".repeat(201))), 422, "label");
        expectProblem(asAdmin().body(with("label", " ")), 422, "label");
        expectProblem(asAdmin().body(with("context", "x".repeat(1001))), 422, "context");
        expectProblem(asAdmin().body(with("slug", "Not A Slug")), 422, "slug");
        expectProblem(asAdmin().body(with("locale", "not a locale")), 422, "locale");
        expectProblem(asAdmin().body(with("tags", List.of("ok", "no spaces allowed"))), 422, "tags[1]");
        expectProblem(asAdmin().body(with("status", "retracted")), 422, "status");
        expectProblem(asAdmin().body(with("value", "1e400")), 422, "value");
        expectProblem(asAdmin().body(with("slug", taken)), 409, "slug");
        expectProblem(
                given().auth().oauth2(ADMIN_TOKEN).contentType("text/plain").body("hello"), 415, null);
        expectProblem(asAdmin().body(with("label", "x".repeat(70_000))), 413, null);

        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void putCannotRenameAndUnknownSlugsAre404() {
        String slug = slug("rename");
        create(figure(slug));
        Map<String, Long> before = rowCounts();
        asAdmin()
                .body(figure(slug("other")))
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("slug"));
        asAdmin()
                .body(figure(null))
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug("nope"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        asAdmin()
                .body(Map.of("reason", "x"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug("nope") + "/retraction")
                .then()
                .statusCode(404);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void chunkedBodiesOverTheLimitAre413Too() throws Exception {
        var url = new URL(RestAssured.baseURI + ":" + RestAssured.port + "/api/stats");
        var connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(4096);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Authorization", "Bearer " + ADMIN_TOKEN);
        Map<String, Long> before = rowCounts();
        try (var out = connection.getOutputStream()) {
            out.write(("{\"label\": \"" + "x".repeat(100_000) + "\"}").getBytes());
        } catch (IOException closedEarly) {
            // The server may answer and close before the whole body is sent.
        }
        assertThat(connection.getResponseCode()).isEqualTo(413);
        assertThat(connection.getContentType()).isEqualTo("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static void expectProblem(RequestSpecification request, int status, String field) {
        Response response = request.when().post("/api/stats");
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        if (field != null) {
            response.then().body("errors.field", hasItem(field));
        }
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("dev.statcallouts");
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = figure(slug("bad"));
        body.put(key, value);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withDisplay(String key, Object value) {
        Map<String, Object> body = figure(slug("bad"));
        ((Map<String, Object>) body.get("display")).put(key, value);
        return body;
    }

    @Test
    void aRetractionReasonOfAnyAcceptedLengthIsSaved() {
        String slug = slug("long-reason");
        create(figure(slug));
        String reason = "The survey was withdrawn. ".repeat(20).substring(0, 500);
        asAdmin()
                .body(Map.of("reason", reason))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(200)
                .body("retractionReason", equalTo(reason));
        String note = asAdmin()
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].note");
        assertThat(note)
                .hasSize(500)
                .startsWith("Retracted: The survey was withdrawn.")
                .endsWith("…");
    }

    private static Map<String, Object> withSourceUrl(String url) {
        return with("sources", List.of(Map.of("name", "Evil", "url", url)));
    }
}
