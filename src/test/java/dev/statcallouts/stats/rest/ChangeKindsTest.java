package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Corrections, updates and edits: what each save tells readers, and the series updates build. */
@QuarkusTest
class ChangeKindsTest {

    private static ValidatableResponse put(Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + body.get("slug"))
                .then();
    }

    private static Map<String, Object> percent(String slug, String value, String asOf) {
        Map<String, Object> body = figure(slug);
        body.put("value", value);
        body.put("display", Map.of("kind", "percent", "trend", "sparkline"));
        body.put("asOf", asOf);
        body.put("asOfPrecision", "month");
        body.put("label", "of organizations use generative AI");
        body.remove("translations");
        body.put("translations", Map.of("ja", Map.of("label", "の組織が生成AIを利用")));
        return body;
    }

    private static String card(String slug, String lang) {
        return given().queryParam("lang", lang)
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void aNewValueMustBeCalledACorrectionOrAnUpdateAndAnEditCannotChangeIt() {
        String slug = slug("kinds");
        Map<String, Object> body = percent(slug, "33", "2023-08-01");
        create(body);
        Map<String, Long> before = rowCounts();

        body.put("value", "65");
        put(body).statusCode(422).body("errors.field", contains("change"));
        body.put("change", "edit");
        put(body).statusCode(422).body("errors.field", contains("change"));
        body.put("change", "sometimes");
        put(body).statusCode(422).body("errors.field", contains("change"));
        assertThat(rowCounts()).isEqualTo(before);

        // Wording alone cannot be an update.
        body.put("value", "33");
        body.put("label", "of organisations use generative AI");
        body.put("change", "update");
        put(body).statusCode(422).body("errors.field", contains("change"));
    }

    @Test
    void anEditIsNotShownToReadersButStaysInTheEditorsHistory() {
        String slug = slug("edit");
        Map<String, Object> body = percent(slug, "33", "2023-08-01");
        create(body);
        body.put("label", "of organisations use generative AI");
        body.put("note", "British spelling, for the editors");
        put(body).statusCode(200).body("lastChange", nullValue()).body("changedAt", nullValue());

        assertThat(card(slug, null)).doesNotContain("Updated").doesNotContain("Corrected");
        given().when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("items.number", contains(1));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .body("items.number", contains(2, 1))
                .body("items.change", contains("edit", null))
                .body("items[0].note", equalTo("British spelling, for the editors"))
                .body("items[0].notePublic", equalTo(false));
    }

    @Test
    void aCorrectionSaysCorrectedAndItsNoteIsPublicOnlyWhenMarked() {
        String slug = slug("corr");
        Map<String, Object> body = percent(slug, "33", "2023-08-01");
        create(body);
        body.put("value", "34");
        body.put("change", "correction");
        body.put("note", "Misread the survey table");
        put(body).statusCode(200).body("lastChange", equalTo("correction"));
        assertThat(card(slug, null)).contains("Corrected ").doesNotContain("Updated");
        assertThat(card(slug, "ja")).contains("訂正");
        given().when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .body("items.change", contains("correction", null))
                .body("items[0].note", nullValue());
        String page = given().when().get("/s/" + slug).then().extract().asString();
        assertThat(page).contains("Correction").doesNotContain("Misread the survey table");

        body.put("value", "35");
        body.put("note", "The final survey report says 35%");
        body.put("notePublic", true);
        put(body).statusCode(200);
        given().when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .body("items[0].note", equalTo("The final survey report says 35%"));
        assertThat(given().when().get("/s/" + slug).then().extract().asString())
                .contains("The final survey report says 35%");
        // A correction changes the latest value: no series yet.
        assertThat(card(slug, null)).doesNotContain("from 33%").doesNotContain("<svg");
    }

    @Test
    void updatesBuildASeriesTheCardShowsAsAChangeAndASparkline() {
        String slug = slug("series");
        Map<String, Object> body = percent(slug, "33", "2023-08-01");
        create(body);
        body.put("value", "65");
        body.put("asOf", "2024-05-30");
        body.put("change", "update");
        put(body).statusCode(200).body("lastChange", equalTo("update")).body("asOf", equalTo("2024-05-01"));

        String en = card(slug, null);
        assertThat(en)
                .contains("As of May 2024")
                .contains("up from 33% in August 2023")
                .contains("Updated ")
                .contains("aria-label=\"Values over time: 33% (August 2023), 65% (May 2024).\"");
        String ja = card(slug, "ja");
        assertThat(ja).contains("2024年5月時点").contains("2023年8月の33%から上昇").contains("更新");

        body.put("value", "60");
        body.put("asOf", "2025-03-01");
        body.put("asOfPrecision", "quarter");
        put(body).statusCode(200);
        assertThat(card(slug, null)).contains("As of Q1 2025").contains("down from 65% in May 2024");
        // Without German words for it, a German card is wholly the figure's own English.
        assertThat(card(slug, "de")).contains("down from 65% in May 2024").doesNotContain("Quartal");

        // The picture of the card draws the sparkline too.
        assertThat(given().when().get("/images/s/" + slug + ".svg").asString())
                .contains("<polyline points=\"", ">down from 65% in May 2024</text>");

        // The permalink lists the series, newest first, as a table.
        String page = given().when().get("/s/" + slug).then().extract().asString();
        assertThat(page)
                .contains("<h2 id=\"series-title\">Values over time</h2>")
                .containsSubsequence(
                        "<td>Q1 2025</td><td>60%</td>",
                        "<td>May 2024</td><td>65%</td>", "<td>August 2023</td><td>33%</td>");

        // A card pinned to the second revision shows the series as it was then.
        assertThat(given().queryParam("v", 2)
                        .when()
                        .get("/embed/" + slug)
                        .then()
                        .extract()
                        .asString())
                .contains("up from 33% in August 2023");

        // Without a trend, the card shows none; that is an edit, readers are still told of the update.
        body.put("display", Map.of("kind", "percent"));
        body.put("change", "edit");
        put(body).statusCode(200).body("lastChange", equalTo("update"));
        assertThat(card(slug, null)).doesNotContain("down from").doesNotContain("<svg");
    }

    @Test
    void precisionsAreStoredAsTheFirstDayOfTheirPeriod() {
        String slug = slug("prec");
        Map<String, Object> body = percent(slug, "33", "2024-08-17");
        body.put("asOfPrecision", "year");
        create(body);
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .body("asOf", equalTo("2024-01-01"))
                .body("asOfPrecision", equalTo("year"));
        assertThat(card(slug, null)).contains("As of 2024<");
        assertThat(card(slug, "ja")).contains("2024年時点");
        body.put("asOfPrecision", "fortnight");
        put(body).statusCode(422).body("errors.field", contains("asOfPrecision"));
    }
}
