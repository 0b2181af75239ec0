package dev.statcallouts.permalink;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class PermalinkResourceTest {

    static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @Test
    void headCarriesDiscoveryCanonicalSocialTagsAndJsonLd() {
        String slug = slug("perma");
        create(figure(slug));
        Response response = given().when().get("/s/" + slug);
        response.then()
                .statusCode(200)
                .contentType("text/html")
                .header("Link", containsString("rel=\"alternate\"; type=\"application/json+oembed\""))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        assertThat(response.header("Link")).contains("type=\"text/xml+oembed\"");
        String html = response.asString();
        String oembed = origin() + "/oembed?url=" + URLEncoder.encode(origin() + "/s/" + slug, StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "<link rel=\"canonical\" href=\"" + origin() + "/s/" + slug + "\">",
                        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"" + oembed + "\"",
                        "<link rel=\"alternate\" type=\"text/xml+oembed\" href=\"" + oembed + "&amp;format=xml\"",
                        "<link rel=\"iframely\" type=\"text/html\" href=\"" + origin() + "/embed/" + slug + "\">",
                        "<meta property=\"og:title\" content=\"¥920 billion: cumulative investment in Rapidus\">",
                        "<meta property=\"og:description\" content=\"Government support for a 2 nm foundry. Source: Reuters\">",
                        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
                        "<meta property=\"og:image\" content=\"" + origin() + "/images/s/" + slug + "/social.png\">");
        JsonPath ld = new JsonPath(between(html, "<script type=\"application/ld+json\">", "</script>"));
        assertThat(ld.getString("'@type'")).isEqualTo("Observation");
        assertThat(ld.getLong("value.value")).isEqualTo(920000000000L);
        assertThat(ld.getString("value.unitText")).isEqualTo("JPY");
        assertThat(ld.getString("observationDate")).isEqualTo("2024-04-02");
        assertThat(ld.getString("citation[0].name")).isEqualTo("Reuters");
        assertThat(ld.getString("citation[0].url")).isEqualTo("https://www.reuters.com/technology/rapidus");
    }

    @Test
    void bodyListsSourcesHistoryAndSnippets() {
        String slug = slug("history");
        create(figure(slug));
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "950000000000");
        corrected.put("note", "Fiscal 2025 total");
        corrected.put("notePublic", true);
        update(corrected);
        String html = given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains(
                        "¥950 billion",
                        "published April 2, 2024",
                        "<strong>Revision 2</strong> · Correction",
                        "¥950 billion — Fiscal 2025 total",
                        "<strong>Revision 1</strong>",
                        "¥920 billion",
                        "&lt;iframe src=&quot;" + origin() + "/embed/" + slug,
                        "referrerpolicy=&quot;no-referrer-when-downgrade&quot;",
                        "&lt;amp-iframe",
                        "resizable",
                        "&lt;blockquote class=&quot;stat-callout&quot; data-stat=&quot;" + slug + "&quot;",
                        "&lt;script async src=&quot;" + origin() + "/widgets/embed.js&quot;&gt;&lt;/script&gt;",
                        "&lt;a href=&quot;" + origin() + "/s/" + slug
                                + "&quot;&gt;¥950 billion cumulative investment in Rapidus");
        given().queryParam("lang", "ja")
                .when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .body(containsString("9500億円"));
    }

    @Test
    void sourceLinksGoThroughOurHostToTheFiguresOwnSourcesOnly() {
        String slug = slug("via");
        create(figure(slug));
        given().redirects()
                .follow(false)
                .when()
                .get("/s/" + slug + "/sources/1")
                .then()
                .statusCode(303)
                .header("Location", "https://www.reuters.com/technology/rapidus");
        given().redirects()
                .follow(false)
                .when()
                .get("/s/" + slug + "/sources/2")
                .then()
                .statusCode(404);
        given().redirects()
                .follow(false)
                .when()
                .get("/s/" + slug + "/sources/0")
                .then()
                .statusCode(404);
        given().redirects()
                .follow(false)
                .when()
                .get("/s/" + slug + "/sources/1?v=99")
                .then()
                .statusCode(404);
        createDraft(slug + "-d");
        given().redirects()
                .follow(false)
                .when()
                .get("/s/" + slug + "-d/sources/1")
                .then()
                .statusCode(404);
        // The card links there, for hosts that follow only links to the card's own host.
        given().when()
                .get("/embed/" + slug)
                .then()
                .body(containsString("data-via=\"" + origin() + "/s/" + slug + "/sources/1\""));
    }

    @Test
    void snippetsShowTheEditorsWordsEscapedOnce() {
        String slug = slug("apostrophe");
        Map<String, Object> body = figure(slug);
        body.put("label", "of Japan's chip budget");
        create(body);
        String html = given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // In the page a snippet's ' is escaped once (&#39;, shown as '), never twice (shown as &#39;).
        assertThat(html).contains("Japan&#39;s chip budget").doesNotContain("&amp;#39;");
    }

    @Test
    void aRetractedFigureSaysSoAndOffersNoSnippets() {
        String slug = slug("retracted-perma");
        create(figure(slug));
        retract(slug, "The survey was withdrawn");
        String html = given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("Retracted: The survey was withdrawn")
                .doesNotContain("id=\"embed-title\"", "&lt;iframe", "&lt;script");
        String oembed = given().queryParam("url", origin() + "/s/" + slug)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .extract()
                .path("html");
        assertThat(oembed).contains(">Retracted figure: ¥920 billion cumulative investment in Rapidus");
    }

    @Test
    void aTranslatedFigureHasAPagePerLanguageAndNeverAMixedOne() {
        String slug = slug("translated");
        create(figure(slug));
        String english = given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(english)
                .contains(
                        "<link rel=\"alternate\" hreflang=\"en\" href=\"" + origin() + "/s/" + slug + "\">",
                        "<link rel=\"alternate\" hreflang=\"ja\" href=\"" + origin() + "/s/" + slug + "?lang=ja\">",
                        "<link rel=\"alternate\" hreflang=\"x-default\"",
                        "\"inLanguage\":\"en\"");
        String japanese = given().queryParam("lang", "ja")
                .when()
                .get("/s/" + slug)
                .then()
                .header("Content-Language", "ja")
                .extract()
                .asString();
        String ldJson = between(japanese, "<script type=\"application/ld+json\">", "</script>");
        assertThat(japanese.replace(ldJson, ""))
                .contains("<html lang=\"ja\">", "ラピダスへの累計投資額", "2ナノ半導体工場への政府支援。")
                .doesNotContain("cumulative investment", "Government support");
        // Machines read the name in each language, tagged with it, the page's own first.
        JsonPath ld = new JsonPath(ldJson);
        assertThat(ld.getString("inLanguage")).isEqualTo("ja");
        assertThat(ld.getList("name.'@language'")).containsExactly("ja", "en");
        assertThat(ld.getList("name.'@value'"))
                .containsExactly("9200億円: ラピダスへの累計投資額", "¥920 billion: cumulative investment in Rapidus");
        String german =
                given().queryParam("lang", "de").when().get("/s/" + slug).asString();
        assertThat(german)
                .contains("<html lang=\"en\">", "cumulative investment in Rapidus")
                .doesNotContain("Quelle");
    }

    @Test
    void draftsAreNotPublic() {
        String slug = slug("draft-perma");
        createDraft(slug);
        given().when().get("/s/" + slug).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void collectionPermalink() {
        String a = slug("pa");
        create(figure(a));
        String collection = slug("pcoll");
        createCollection(collection, List.of(a));
        String html = given().when()
                .get("/c/" + collection)
                .then()
                .statusCode(200)
                .header("Link", containsString("json+oembed"))
                .extract()
                .asString();
        assertThat(html)
                .contains(
                        "<h1 class=\"title\">AI by the numbers</h1>",
                        "Sources &amp; References",
                        "\"@type\":\"ItemList\"",
                        "/embed/c/" + collection);
        given().when().get("/c/" + slug("none")).then().statusCode(404);
    }

    @Test
    void etagAnswers304() {
        String slug = slug("perma-etag");
        create(figure(slug));
        String etag = given().when().get("/s/" + slug).then().extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/s/" + slug).then().statusCode(304);
        given().when().get("/s/" + slug).then().header("Set-Cookie", Matchers.nullValue());
        given().when().get("/s/" + slug).then().body(not(containsString("<script src")));
        given().queryParam("size", 100).when().get("/api/stats").then().body("items.slug", hasItem(slug));
    }

    @Test
    void robotsTxtLetsCrawlersFindPermalinksButNotTheEditorOrTheApiAndThereIsAFavicon() {
        String robots = given().when()
                .get("/robots.txt")
                .then()
                .statusCode(200)
                .contentType("text/plain")
                .extract()
                .asString();
        assertThat(robots)
                .contains("User-agent: *", "Allow: /s/", "Allow: /c/", "Disallow: /editor", "Disallow: /api/");
        byte[] icon = given().when()
                .get("/favicon.ico")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(icon).startsWith(0, 0, 1, 0);
        given().when().get("/favicon.svg").then().statusCode(200).contentType("image/svg+xml");
    }

    @Test
    void thePageIsMadeForReadersCiteItDownloadItShareItThenEmbedIt() {
        String slug = slug("reader");
        Map<String, Object> body = figure(slug);
        create(body);
        body.put("value", "930000000000");
        body.put("change", "update");
        body.put("asOf", "2025-04-01");
        body.put("note", "=HYPERLINK(\"x\") fiscal 2025");
        body.put("notePublic", true);
        update(body);
        String html = given().when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String permalink = origin() + "/s/" + slug;
        assertThat(html)
                .containsSubsequence(
                        "<article class=\"card",
                        "id=\"sources-title\"",
                        "id=\"history-title\"",
                        "id=\"cite-title\"",
                        "id=\"data-title\"",
                        "id=\"share-title\"",
                        "<details class=\"embed\"",
                        "<footer>")
                .contains("<body class=\"t-auto\">", "@media (prefers-color-scheme:dark)")
                .contains("Stat Callouts. ("
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear() + ", ")
                .contains("¥930 billion: cumulative investment in Rapidus [Data set]. " + permalink)
                .contains("@misc{" + slug + ",", "url = {" + permalink + "}")
                .contains("&quot;type&quot; : &quot;dataset&quot;")
                .contains("href=\"https://www.linkedin.com/sharing/share-offsite/?url="
                        + java.net.URLEncoder.encode(permalink, StandardCharsets.UTF_8) + "\"")
                .contains("href=\"mailto:?subject=")
                .doesNotContain("<script src");

        String csv = given().when()
                .get("/s/" + slug + "/data.csv")
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        assertThat(csv.lines().toList())
                .hasSize(3)
                .first()
                .isEqualTo("revision,saved_at,change,value,formatted,as_of,as_of_precision,status,note");
        assertThat(csv)
                .contains(",update,930000000000,¥930 billion,2025-04-01,day,published,")
                .contains("'=HYPERLINK");
        given().when()
                .get("/s/" + slug + "/data.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("value", equalTo("930000000000"))
                .body("history.revision", contains(2, 1))
                .body("history[0].change", equalTo("update"))
                .body("history[1].value", equalTo("920000000000"));
        given().when()
                .get("/s/no-such-figure-x/data.json")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
