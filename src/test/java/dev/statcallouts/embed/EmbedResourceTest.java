package dev.statcallouts.embed;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

@QuarkusTest
class EmbedResourceTest {

    @Test
    void cardIsSelfContainedFramableAndCacheable() {
        String slug = slug("card");
        create(figure(slug));
        Response response = given().when().get("/embed/" + slug);
        response.then()
                .statusCode(200)
                .contentType("text/html")
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400")
                .header("ETag", notNullValue())
                .header("Last-Modified", notNullValue())
                .header("X-Frame-Options", nullValue())
                .header("Set-Cookie", nullValue())
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", notNullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        String html = response.asString();
        assertThat(html)
                .contains(
                        "¥920 billion",
                        "cumulative investment in Rapidus",
                        "Source: <a href=\"https://www.reuters.com/technology/rapidus\"",
                        "As of April 2, 2024",
                        "Government support for a 2 nm foundry.");
        // No external requests: nothing is loaded from anywhere.
        assertThat(html).doesNotContain("<link rel=\"stylesheet\"", "<script src", "<img", "@import", "url(");
        // The CSP hashes are those of the inline style and script, so the browser applies them.
        String csp = response.header("Content-Security-Policy");
        assertThat(csp).contains("'sha256-" + sha256(between(html, "<style>", "</style>")) + "'");
        assertThat(csp).contains("'sha256-" + sha256(between(html, "<script>", "</script>")) + "'");
    }

    @Test
    void conditionalRequestsAndGzip() {
        String slug = slug("gzip");
        create(figure(slug));
        String etag = given().when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(304);
        Response gzipped = given().config(RestAssuredConfig.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .when()
                .get("/embed/" + slug);
        gzipped.then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", containsString("Accept-Encoding"));
        assertThat(gzipped.asByteArray().length).isLessThanOrEqualTo(2800);
    }

    @Test
    void languageChangesFormattingAndFixedWordsWhereTheFigureHasWordsInIt() {
        String slug = slug("ja");
        Map<String, Object> body = figure(slug);
        @SuppressWarnings("unchecked")
        Map<String, Object> translations = (Map<String, Object>) body.get("translations");
        translations.put("de", Map.of("label", "kumulierte Investitionen in Rapidus", "sourceNames", List.of("")));
        translations.put("fr", Map.of("label", "investissement cumulé dans Rapidus"));
        create(body);
        String html = given().queryParam("lang", "ja")
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html)
                .contains("<html lang=\"ja\">", "9200億円", "ラピダスへの累計投資額", "2ナノ半導体工場への政府支援。", "出典: ", "2024年4月2日時点")
                .doesNotContain("cumulative", "Government");
        assertThat(given().queryParam("lang", "de").when().get("/embed/" + slug).asString())
                .contains(
                        "920 Milliarden\u00a0¥",
                        "kumulierte Investitionen in Rapidus",
                        "Quelle: ",
                        ">Reuters</a>",
                        "Stand: 2. April 2024");
        assertThat(given().queryParam("lang", "fr").when().get("/embed/" + slug).asString())
                .contains(
                        "920 milliards\u00a0JPY",
                        "investissement cumulé dans Rapidus",
                        "Source: ",
                        "Données au 2 avril 2024")
                .doesNotContain("Government");
        // No Spanish words: the whole card is in the figure's own English, and says so.
        given().queryParam("lang", "es")
                .when()
                .get("/embed/" + slug)
                .then()
                .header("Content-Language", "en")
                .body(
                        containsString("<html lang=\"en\">"),
                        containsString("¥920 billion"),
                        containsString("cumulative investment in Rapidus"),
                        containsString("Source: "),
                        not(containsString("Fuente")));
        // A language cards do not speak: the figure's own, never the JDK's root-locale "JP¥ 920G".
        given().queryParam("lang", "zz")
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body(containsString("¥920 billion"), not(containsString("JP¥")), not(containsString("920G")));
    }

    @Test
    void themesAndAccent() {
        String slug = slug("theme");
        create(figure(slug));
        assertThat(given().queryParam("theme", "dark")
                        .when()
                        .get("/embed/" + slug)
                        .asString())
                .contains("<body class=\"t-dark\"");
        assertThat(given().queryParam("theme", "auto")
                        .when()
                        .get("/embed/" + slug)
                        .asString())
                .contains("<body class=\"t-auto\"", "prefers-color-scheme:dark");
        // A pale accent would be unreadable on white: it is darkened until it reaches AA.
        String css = given().queryParam("accent", "ffff00")
                .when()
                .get("/embed/" + slug)
                .asString();
        Matcher light = Pattern.compile("--accent-l:#([0-9a-f]{6})").matcher(css);
        assertThat(light.find()).isTrue();
        assertThat(Contrast.ratio(rgb(light.group(1)), rgb("ffffff"))).isGreaterThanOrEqualTo(4.5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"theme=neon", "accent=red", "accent=12345", "v=0", "v=abc", "lang=!!"})
    void malformedOptionsAre400(String query) {
        String slug = slug("bad-options");
        create(figure(slug));
        given().when()
                .get("/embed/" + slug + "?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * A {@code %} that starts no escape is sent on to the same address with it escaped
     * (UnreadableRequests), as browsers send it: there a theme that does not exist, refused as any
     * other, never a 500.
     */
    @Test
    void anUndecodableQueryIsSentOnEscaped() throws Exception {
        String slug = slug("bad-escape");
        create(figure(slug));
        var connection = (HttpURLConnection)
                new URL(RestAssured.baseURI + ":" + RestAssured.port + "/embed/" + slug + "?theme=%ZZ")
                        .openConnection();
        connection.setInstanceFollowRedirects(false);
        assertThat(connection.getResponseCode()).isEqualTo(308);
        String location = connection.getHeaderField("Location");
        assertThat(location).isEqualTo("/embed/" + slug + "?theme=%25ZZ");
        given().urlEncodingEnabled(false)
                .header("Accept", "*/*")
                .when()
                .get(location)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("theme"));
    }

    /** Inside an article (a browser asks for HTML) a reader never sees a problem document. */
    @Test
    void articlesShowACardOrASmallNoticeNeverRawJson() {
        String slug = slug("in-article");
        create(figure(slug));
        String collection = slug("in-article-coll");
        createCollection(collection, List.of(slug));
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        // An option typo: the figure with that option at its default, the others kept.
        given().header("Accept", html)
                .when()
                .get("/embed/" + slug + "?theme=purple&accent=red&lang=ja")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Vary", containsString("Accept"))
                .header("Content-Language", "ja")
                .body(containsString("9200億円"), containsString("class=\"t-light\""));
        // A revision it never had, or a collection pinned to one: the current card.
        given().header("Accept", html)
                .when()
                .get("/embed/" + slug + "?v=99")
                .then()
                .statusCode(200)
                .body(containsString("¥920 billion"));
        given().header("Accept", html)
                .when()
                .get("/embed/c/" + collection + "?v=2")
                .then()
                .statusCode(200)
                .body(containsString("¥920 billion"));
        // Unknown figure, unknown collection: a small card that says so and links to the permalink.
        String unknown = slug("nothing");
        given().header("Accept", html)
                .when()
                .get("/embed/" + unknown)
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("This figure is not available."), containsString("/s/" + unknown + "\""))
                .body(containsString("<script>"), not(containsString("\"status\"")));
        given().header("Accept", html)
                .queryParam("lang", "de")
                .when()
                .get("/embed/c/" + slug("gone"))
                .then()
                .statusCode(404)
                .body(containsString("Diese Sammlung ist nicht verfügbar."));
        // Other clients still get the strict answer.
        given().when()
                .get("/embed/" + slug + "?theme=purple")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().when().get("/embed/" + slug("nothing")).then().statusCode(404).contentType("application/problem+json");
    }

    /** The addresses the card routes take (a closing slash, escaped letters and hyphens), and no more. */
    @Test
    void cardAddressesTakeTheFormsTheirRoutesAccept() {
        String slug = slug("address");
        create(figure(slug));
        String collection = slug("address-coll");
        createCollection(collection, List.of(slug));
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";
        // A closing slash, and an escaped letter or hyphen, name the same card.
        for (String path : List.of(
                "/embed/" + slug + "/", "/embed/" + slug.replace("-", "%2D"), "/embed/%61" + slug.substring(1))) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body(containsString("¥920 billion"));
        }
        given().when()
                .get("/embed/c/" + collection + "/")
                .then()
                .statusCode(200)
                .body(containsString("¥920 billion"));
        // An escaped slash is part of one (unknown) slug; a second segment is no card's address.
        given().urlEncodingEnabled(false)
                .header("Accept", html)
                .when()
                .get("/embed/" + slug + "%2Fx")
                .then()
                .statusCode(404)
                .body(containsString("This figure is not available."));
        given().when().get("/embed/" + slug + "/x").then().statusCode(404).contentType("application/problem+json");
        given().when()
                .get("/embed/c/" + collection + "/x")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // "c" alone is a figure's slug like any other; /embed itself is nothing.
        given().header("Accept", html)
                .when()
                .get("/embed/c")
                .then()
                .statusCode(404)
                .body(containsString("This figure is not available."));
        for (String path : List.of("/embed", "/embed/")) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void draftsAndUnknownSlugsAre404() {
        String slug = slug("draft-card");
        createDraft(slug);
        given().when().get("/embed/" + slug).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/embed/" + slug("nothing")).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/embed/c/" + slug("nothing")).then().statusCode(404);
    }

    @Test
    void aCorrectionReachesTheCachedCardAtOnceAndOldRevisionsCanBePinned() {
        String slug = slug("correct");
        create(figure(slug));
        assertThat(given().when().get("/embed/" + slug).asString())
                .contains("¥920 billion")
                .doesNotContain("Updated");

        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "950000000000");
        update(corrected);
        String current = given().when().get("/embed/" + slug).asString();
        assertThat(current).contains("¥950 billion", "Corrected ").doesNotContain("¥920 billion");

        String pinned = given().queryParam("v", 1).when().get("/embed/" + slug).asString();
        assertThat(pinned)
                .contains("¥920 billion", "A newer version of this figure exists.", "See the current figure")
                .doesNotContain("Corrected");
        given().queryParam("v", 9).when().get("/embed/" + slug).then().statusCode(404);
    }

    @Test
    void retractedFiguresShowTheRetractionInsteadOfDisappearing() {
        String slug = slug("retracted-card");
        create(figure(slug));
        given().when().get("/embed/" + slug).then().statusCode(200);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .queryParam("reason", "The survey was withdrawn")
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(200);
        String html = given().when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("Retracted: The survey was withdrawn", "class=\"card gone\"");
    }

    @Test
    void collectionsShowTheirFiguresWithOneNumberedReferenceList() {
        String a = slug("ca");
        String b = slug("cb");
        Map<String, Object> second = figure(b);
        second.put("value", "65");
        second.put("display", Map.of("kind", "percent"));
        second.put(
                "sources",
                List.of(
                        Map.of("name", "McKinsey & Company", "url", "https://www.mckinsey.com/state-of-ai"),
                        Map.of("name", "Reuters", "url", "https://www.reuters.com/technology/rapidus")));
        create(figure(a));
        create(second);
        String collection = slug("coll-card");
        createCollection(collection, List.of(a, b));
        String html = given().when()
                .get("/embed/c/" + collection)
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .extract()
                .asString();
        assertThat(html)
                .contains(
                        "¥920 billion",
                        "65%",
                        "Sources &amp; References",
                        "<li id=\"ref-1\"><a href=\"https://www.reuters.com/technology/rapidus\"",
                        "<li id=\"ref-2\"><a href=\"https://www.mckinsey.com/state-of-ai\"");
        // Reuters is shared: listed once, cited by both figures.
        assertThat(html.split("id=\"ref-")).hasSize(3);
        assertThat(html).contains("href=\"#ref-2\" aria-label=\"reference 2\">[2]</a> <a href=\"#ref-1\"");

        Map<String, Object> corrected = figure(a);
        corrected.put("value", "1000000000000");
        update(corrected);
        assertThat(given().when().get("/embed/c/" + collection).asString()).contains("¥1 trillion");
    }

    @Test
    void apiReadsAllowAnyOriginIncludingSandboxedCards() {
        given().header("Origin", "null")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", notNullValue());
        given().header("Origin", "https://news.example")
                .when()
                .get("/oembed?url=x")
                .then()
                .header("Access-Control-Allow-Origin", notNullValue());
        // No preflight is granted: other origins cannot write.
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when()
                .options("/api/stats/x")
                .then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
    }

    static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] rgb(String hex) {
        return new int[] {
            Integer.parseInt(hex.substring(0, 2), 16),
            Integer.parseInt(hex.substring(2, 4), 16),
            Integer.parseInt(hex.substring(4, 6), 16)
        };
    }
}
