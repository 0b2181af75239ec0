package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A NUL character (which PostgreSQL cannot store) anywhere is a clear refusal that changes nothing, never a 500. */
@QuarkusTest
class NulCharactersTest {

    @Test
    void inTheAddress() {
        for (String path : List.of(
                "/api/stats?q=%00", "/api/stats?tag=a%00", "/embed/x?accent=%00", "/oembed?url=%00", "/s/x?lang=%00")) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("NUL"));
        }
        given().urlEncodingEnabled(false)
                .when()
                .get("/editor?q=%00")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
    }

    /**
     * A card's address with a NUL in its slug, asked for by an article's frame (which gets a small
     * readable card, never a problem document): the card that is not there, not a 500 with an
     * error logged for a query PostgreSQL refused.
     */
    @Test
    void inACardsSlugInsideAnArticle() {
        for (String path : List.of("/embed/ai%00", "/embed/c/ai%00x")) {
            given().urlEncodingEnabled(false)
                    .header("Accept", "text/html")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"));
        }
    }

    @Test
    void inJsonAndCsvBodies() {
        String slug = slug("nul");
        create(figure(slug));
        Map<String, Long> before = rowCounts();
        Map<String, Object> label = figure(slug("nul"));
        label.put("label", "a\u0000b");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(label)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("label"));
        Map<String, Object> source = figure(slug);
        source.put("sources", List.of(Map.of("name", "Reu\u0000ters", "url", "https://www.reuters.com/a")));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(source)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sources[0].name"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x\u0000"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", slug("nul-c"), "title", "t\u0000", "stats", List.of(slug)))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(400);
        String csv = "slug,value,kind,currency,label,locale,status,source_name,source_url\r\n" + slug("nul-csv")
                + ",5,count,,a\u0000label,en,draft,Reuters,https://www.reuters.com/a\r\n";
        for (String dryRun : List.of("true", "false")) {
            given().auth()
                    .oauth2(ADMIN_TOKEN)
                    .contentType("text/csv")
                    .body(csv)
                    .queryParam("dryRun", dryRun)
                    .when()
                    .post("/api/stats/import")
                    .then()
                    .statusCode(422)
                    .body("errors[0].column", equalTo("label"));
        }
        assertThat(rowCounts()).isEqualTo(before);
    }
}
