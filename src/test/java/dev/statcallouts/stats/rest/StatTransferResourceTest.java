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
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import dev.statcallouts.stats.csv.Csv;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatTransferResourceTest {

    private static final String HEADER =
            "slug,value,kind,currency,unit,qualifier,notation,override,label,context,as_of,"
                    + "locale,status,tags,source_name,source_url,source_published,source_accessed\r\n";

    @Test
    void exportsNeedAToken() {
        given().when().get("/api/stats/export.csv").then().statusCode(401);
        given().when().get("/api/stats/export.json").then().statusCode(401);
        given().contentType("text/csv")
                .body(HEADER)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(401);
    }

    @Test
    void csvExportImportsBackAsTheSameFigures() {
        String a = slug("csv-a");
        Map<String, Object> tricky = figure(a);
        tricky.put("context", "Commas, \"quotes\"\nand a line break");
        tricky.put(
                "sources",
                List.of(
                        Map.of("name", "Reuters", "url", "https://www.reuters.com/a", "published", "2024-04-02"),
                        Map.of("name", "METI", "url", "https://www.meti.go.jp/b")));
        tricky.put("asOfPrecision", "quarter");
        tricky.put(
                "display", Map.of("kind", "currency", "currency", "JPY", "currencyStyle", "name", "trend", "change"));
        tricky.put("translations", Map.of("ja", Map.of("label", "ラピダスへの累計投資額", "sourceNames", List.of("ロイター", "経産省"))));
        create(tricky);
        String csv = given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/export.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<List<String>> records = Csv.parse(csv).stream().map(Csv.Row::cells).toList();
        assertThat(records.get(0))
                .contains("slug", "value", "source2_url", "as_of_precision", "trend", "label_ja", "source_names_de");
        List<String> row =
                records.stream().filter(r -> r.get(0).equals(a)).findFirst().orElseThrow();

        String copy = a + "-copy";
        List<String> copied = new ArrayList<>(row);
        copied.set(0, copy);
        String body = Csv.line(records.get(0)) + Csv.line(copied);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv; charset=UTF-8")
                .body(body)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(201)
                .body("created", contains(copy))
                .body("dryRun", equalTo(false));
        JsonPath original = given().when().get("/api/stats/" + a).jsonPath();
        JsonPath imported = given().when().get("/api/stats/" + copy).jsonPath();
        for (String field :
                List.of("value", "formatted", "label", "context", "asOf", "asOfPrecision", "locale", "status")) {
            assertThat(imported.getString(field)).as(field).isEqualTo(original.getString(field));
        }
        assertThat(imported.getList("sources")).isEqualTo(original.getList("sources"));
        assertThat(imported.getList("tags")).isEqualTo(original.getList("tags"));
        assertThat(imported.getMap("display")).isEqualTo(original.getMap("display"));
        // The words in other languages come back from their column set.
        assertThat(imported.getMap("translations")).isEqualTo(original.getMap("translations"));
        assertThat(imported.getString("translations.ja.label")).isEqualTo("ラピダスへの累計投資額");

        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/export.json")
                .then()
                .statusCode(200)
                .body("slug", hasItem(copy));
    }

    @Test
    void formulasAreExportedAsTextAndImportedAsTyped() {
        String a = slug("csv-formula");
        Map<String, Object> formulas = figure(a);
        formulas.put("label", "=HYPERLINK(\"https://evil.example\",\"click\")");
        formulas.put("context", "+1+cmd|' /C calc'!A0");
        formulas.put(
                "sources",
                List.of(
                        Map.of("name", "@SUM(A1:A9)", "url", "https://www.reuters.com/a"),
                        Map.of("name", "-2+3", "url", "https://www.meti.go.jp/b")));
        create(formulas);
        String csv = given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> row = Csv.parse(csv).stream()
                .map(Csv.Row::cells)
                .filter(r -> r.get(0).equals(a))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains(
                        "'=HYPERLINK(\"https://evil.example\",\"click\")",
                        "'+1+cmd|' /C calc'!A0",
                        "'@SUM(A1:A9)",
                        "'-2+3");
        assertThat(row)
                .allSatisfy(cell -> assertThat(cell)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@"));

        String copy = a + "-copy";
        List<String> copied = new ArrayList<>(row);
        copied.set(0, copy);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body(Csv.line(Csv.parse(csv).get(0).cells()) + Csv.line(copied))
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(201);
        JsonPath imported = given().when().get("/api/stats/" + copy).jsonPath();
        assertThat(imported.getString("label")).isEqualTo(formulas.get("label"));
        assertThat(imported.getString("context")).isEqualTo(formulas.get("context"));
        assertThat(imported.getString("sources[0].name")).isEqualTo("@SUM(A1:A9)");
        assertThat(imported.getString("sources[1].name")).isEqualTo("-2+3");
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryErrorIsListed() {
        String good = slug("csv-good");
        String bad = slug("csv-bad");
        String body = HEADER
                + good + ",65,percent,,,,,,of organizations use generative AI,,2024-05-30,en,published,ai,"
                + "McKinsey & Company,https://www.mckinsey.com/x,,\r\n"
                + bad + ",lots,currency,XYZ,,,,,label,,yesterday,en,published,,Evil,javascript:alert(1),,\r\n";
        Map<String, Long> before = rowCounts();
        for (String dryRun : List.of("true", "false")) {
            JsonPath report = given().auth()
                    .oauth2(ADMIN_TOKEN)
                    .contentType("text/csv")
                    .queryParam("dryRun", dryRun)
                    .body(body)
                    .when()
                    .post("/api/stats/import")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("rows", equalTo(2))
                    .extract()
                    .jsonPath();
            List<String> errors = report.getList("errors", Map.class).stream()
                    .map(e -> e.get("row") + ":" + e.get("field"))
                    .collect(Collectors.toList());
            assertThat(errors).containsExactlyInAnyOrder("3:value", "3:asOf", "3:display.currency", "3:sources[0].url");
        }
        assertThat(rowCounts()).isEqualTo(before);
        given().when().get("/api/stats/" + good).then().statusCode(404);
    }

    @Test
    void dryRunOfAValidFileWritesNothing() {
        String slug = slug("csv-dry");
        String body = HEADER + slug + ",2,unit,,nm,,,,high-volume manufacturing by 2027,,,en,published,,Rapidus,"
                + "https://www.rapidus.inc/en/,,\r\n";
        Map<String, Long> before = rowCounts();
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .queryParam("dryRun", "true")
                .body(body)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("rows", equalTo(1))
                .body("errors.size()", equalTo(0));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void eachRefusalNamesTheCsvColumnItCameFrom() {
        // Only the second source is filled in: it is the figure's first source, found in source2_*.
        String csv = "slug,value,kind,label,as_of,source2_name,source2_url\r\n" + slug("csv-col")
                + ",1,count,a label,someday,Statistics Bureau,ftp://example.org\r\n";
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .queryParam("dryRun", "true")
                .body(csv)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(422)
                .body("errors.field", Matchers.contains("asOf", "sources[0].url"))
                .body("errors.column", Matchers.contains("as_of", "source2_url"));
    }

    @Test
    void refusedRowsNameTheLineTheyStartOnAfterMultiLineCellsAndBlankLines() {
        String first = slug("csv-lines")
                + ",1,count,,,,,,label,\"a context\nover\nthree lines\",,en,draft,,S,https://example.org/s,,\r\n";
        String bad = slug("csv-lines-bad") + ",1,count,,,,,,label,,,en,draft,,S,not a url,,\r\n";
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body(HEADER + first + "\r\n" + bad)
                .when()
                .post("/api/stats/import?dryRun=true")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("sources[0].url"))
                // header 1, first row 2–4, a blank line 5: the bad row starts on line 6
                .body("errors[0].row", equalTo(6));
    }

    @Test
    void malformedFilesAreRefused() {
        String slug = slug("csv-dup");
        String row = slug + ",1,count,,,,,,label,,,en,draft,,S,https://example.org/s,,\r\n";
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body(HEADER + row + row)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].row", equalTo(3));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body(HEADER + "\"unterminated,1\r\n")
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body("colour,value\r\nred,1\r\n")
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(422)
                .body("errors[0].row", equalTo(1));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .body(HEADER)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(422);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("text/csv")
                .queryParam("dryRun", "maybe")
                .body(HEADER + row)
                .when()
                .post("/api/stats/import")
                .then()
                .statusCode(400);
    }
}
