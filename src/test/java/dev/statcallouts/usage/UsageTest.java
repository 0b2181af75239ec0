package dev.statcallouts.usage;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.viewCard;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsageTest {

    @Inject
    UsageCounter usage;

    @Test
    void viewsAreCountedPerPageInMemoryAndWrittenInABatch() throws Exception {
        String slug = slug("usage");
        create(figure(slug));
        long before = embedViewRows(slug);
        for (int i = 0; i < 3; i++) {
            // The first view renders the card, the next ones are served from the cache.
            viewCard(slug, "https://news.example/2026/rapidus?utm_source=mail&reader=42#top");
        }
        viewCard(slug, "https://blog.example/ai");
        given().when().get("/embed/" + slug).then().statusCode(200);
        viewCard(slug, "javascript:alert(1)");
        given().header("Referer", "https://news.example/x")
                .when()
                .get("/embed/" + slug("missing"))
                .then()
                .statusCode(404);

        // Nothing is written on the request path.
        assertThat(embedViewRows(slug)).isEqualTo(before);
        usage.flush();
        assertThat(embedViewRows(slug)).isEqualTo(2);

        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/usage")
                .then()
                .statusCode(200)
                .body("totalViews", equalTo(4))
                .body("pages.page", contains("https://news.example/2026/rapidus", "https://blog.example/ai"))
                .body("pages.views", contains(3, 1))
                .body("pages[0].site", equalTo("https://news.example"))
                .body("perDay", hasSize(1))
                .body("perDay[0].day", equalTo(LocalDate.now(ZoneOffset.UTC).toString()));

        // A second batch adds to the same rows.
        viewCard(slug, "https://blog.example/ai");
        usage.flush();
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/usage")
                .then()
                .body("totalViews", equalTo(5))
                .body("pages.views", contains(3, 2));
    }

    @Test
    void viewsPerDayAsAnSvgChart() throws Exception {
        String slug = slug("chart");
        create(figure(slug));
        for (int i = 0; i < 4; i++) {
            viewCard(slug, "https://news.example/a");
        }
        usage.flush();
        String svg = given().auth()
                .oauth2(ADMIN_TOKEN)
                .queryParam("days", 7)
                .when()
                .get("/api/stats/" + slug + "/usage/chart.svg")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        var doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        var bars = doc.getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(7);
        // Today's bar, the last one, is full height: it holds the maximum.
        var today = (Element) bars.item(6);
        assertThat(Double.parseDouble(today.getAttribute("height"))).isEqualTo(116.0);
        assertThat(today.getTextContent()).isEqualTo(LocalDate.now(ZoneOffset.UTC) + ": 4");
        assertThat(((Element) bars.item(0)).getAttribute("height")).isEqualTo("0.0");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).startsWith("4 views from ");
        given().when().get("/api/stats/" + slug + "/usage/chart.svg").then().statusCode(401);
    }

    @Test
    void nothingAboutTheReaderIsStored() throws Exception {
        List<String> columns = new ArrayList<>();
        try (var db = DriverManager.getConnection(url(), "postgres", "");
                var rs = db.createStatement()
                        .executeQuery(
                                "select column_name from information_schema.columns where table_name = 'embed_view' order by ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        assertThat(columns).containsExactly("stat_id", "day", "site", "page", "views", "last_seen");
        given().when().get("/embed/" + slug("x")).then().header("Set-Cookie", Matchers.nullValue());
    }

    @Test
    void usageIsForTokenHolders() {
        String slug = slug("usage-auth");
        create(figure(slug));
        given().when()
                .get("/api/stats/" + slug + "/usage")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .queryParam("days", 0)
                .when()
                .get("/api/stats/" + slug + "/usage")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug("none") + "/usage")
                .then()
                .statusCode(404);
    }

    @Test
    void refererPagesDropQueriesAndFragmentsAndRefuseOtherSchemes() {
        LocalDate day = LocalDate.of(2026, 11, 28);
        assertThat(UsageCounter.key("s", "https://News.Example:8443/a/b?id=7#c", day))
                .isEqualTo(
                        new UsageCounter.Key("s", day, "https://news.example:8443", "https://news.example:8443/a/b"));
        assertThat(UsageCounter.key("s", "http://example.org", day).page()).isEqualTo("http://example.org/");
        assertThat(UsageCounter.key("s", "javascript:alert(1)", day)).isNull();
        assertThat(UsageCounter.key("s", "not a url", day)).isNull();
        assertThat(UsageCounter.key("s", null, day)).isNull();
        assertThat(UsageCounter.key("s", "https://x.example/" + "a".repeat(3000), day))
                .isNull();
    }

    @Test
    void forgedReferersAddAtMostTheDailyPagesPerFigureAndOldDaysArePurged() throws Exception {
        String slug = slug("forged");
        create(figure(slug));
        given().when().get("/embed/" + slug).then().statusCode(200);
        for (int i = 0; i < 260; i++) {
            viewCard(slug, "https://fake-" + i + ".example/page");
        }
        viewCard(slug, "https://news.example/" + "a".repeat(600));
        usage.flush();
        assertThat(embedViewRows(slug)).isEqualTo(200);
        // More of them another time add nothing either, and the pages already counted still count.
        for (int i = 250; i < 300; i++) {
            viewCard(slug, "https://fake-" + i + ".example/page");
        }
        viewCard(slug, "https://fake-1.example/page");
        usage.flush();
        assertThat(embedViewRows(slug)).isEqualTo(200);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .queryParam("days", 1)
                .when()
                .get("/api/stats/" + slug + "/usage")
                .then()
                .statusCode(200)
                .body("totalViews", equalTo(201));

        try (var db = DriverManager.getConnection(url(), "postgres", "");
                var old = db.prepareStatement("insert into embed_view (stat_id, day, site, page, views, last_seen) "
                        + "select id, current_date - 500, 'https://old.example', 'https://old.example/', 1, now() "
                        + "from stat where slug = ?")) {
            old.setString(1, slug);
            old.executeUpdate();
        }
        assertThat(embedViewRows(slug)).isEqualTo(201);
        usage.purge();
        assertThat(embedViewRows(slug)).isEqualTo(200);
    }

    private static String url() {
        return System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/statcallouts_test");
    }

    private static long embedViewRows(String slug) throws Exception {
        try (var db = DriverManager.getConnection(url(), "postgres", "");
                var statement = db.prepareStatement(
                        "select count(*) from embed_view v join stat s on s.id = v.stat_id where s.slug = ?")) {
            statement.setString(1, slug);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
