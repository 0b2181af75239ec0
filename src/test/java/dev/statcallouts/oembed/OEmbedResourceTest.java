package dev.statcallouts.oembed;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OEmbedResourceTest {

    /** The public origin of the test configuration: the test server itself. */
    static String origin() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/s/%s", "/embed/%s", "/s/%s?lang=ja", "/embed/%s?theme=dark&utm_source=x#frag"})
    void jsonForEveryFigureUrl(String path) {
        String slug = slug("oembed");
        create(figure(slug));
        JsonPath json = given().queryParam("url", origin() + String.format(path, slug))
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("type", equalTo("rich"))
                .body("version", equalTo("1.0"))
                .body("provider_name", equalTo("Stat Callouts"))
                .body("provider_url", equalTo(origin()))
                .body("author_name", equalTo("Reuters"))
                .body("cache_age", equalTo(3600))
                .body("width", equalTo(560))
                .extract()
                .jsonPath();
        assertThat(json.getString("title"))
                .contains(path.contains("ja") ? "ラピダスへの累計投資額" : "cumulative investment in Rapidus");
        assertThat(json.getInt("height")).isBetween(150, 400);
        String html = json.getString("html");
        // One iframe: the blockquote before it is hidden text (WordPress shows it until the card reports
        // in) that embed.js on the same page never turns into a second card. The iframe fills its
        // column, with a height that fits every host from 320 px.
        assertThat(html)
                .startsWith("<blockquote class=\"wp-embedded-content\" style=\"display:none\"><a href=\"" + origin()
                        + "/s/" + slug + "\">")
                .endsWith("</iframe>")
                .contains(
                        path.contains("ja") ? "出典: Reuters" : "Source: Reuters",
                        "src=\"" + origin() + "/embed/" + slug,
                        "width=\"100%\"",
                        "referrerpolicy=\"no-referrer-when-downgrade\"",
                        "title=\"")
                .containsPattern("height=\"\\d+\"")
                .doesNotContain("stat-callout", "data-stat", "sandbox", "<script");
        assertThat(html.split("<iframe", -1)).hasSize(2);
        if (path.contains("lang=ja")) {
            assertThat(html).contains("/embed/" + slug + "?lang=ja\"");
            assertThat(json.getString("title")).startsWith("9200億円");
        }
        if (path.contains("theme=dark")) {
            assertThat(html).contains("?theme=dark\"").doesNotContain("utm_source");
        }
    }

    @Test
    void collectionsToo() {
        String a = slug("oc");
        create(figure(a));
        String collection = slug("ocoll");
        createCollection(collection, List.of(a));
        for (String path : List.of("/c/", "/embed/c/")) {
            given().queryParam("url", origin() + path + collection)
                    .when()
                    .get("/oembed")
                    .then()
                    .statusCode(200)
                    .body("title", equalTo("AI by the numbers"))
                    .body("html", containsString("/embed/c/" + collection));
        }
    }

    @Test
    void xmlIsWellFormedWithTheSameFields() throws Exception {
        String slug = slug("xml");
        Map<String, Object> body = figure(slug);
        body.put("label", "R&D <spending> \"quoted\"");
        create(body);
        String xml = given().queryParam("url", origin() + "/s/" + slug)
                .queryParam("format", "xml")
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .contentType("text/xml")
                .extract()
                .asString();
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("oembed");
        assertThat(text(doc, "type")).isEqualTo("rich");
        assertThat(text(doc, "version")).isEqualTo("1.0");
        assertThat(text(doc, "title")).isEqualTo("¥920 billion: R&D <spending> \"quoted\"");
        assertThat(text(doc, "width")).isEqualTo("560");
        String json = given().queryParam("url", origin() + "/s/" + slug)
                .when()
                .get("/oembed")
                .jsonPath()
                .getString("html");
        assertThat(text(doc, "html")).isEqualTo(json);
    }

    @Test
    void maxwidthAndMaxheightAreNeverExceeded() {
        String slug = slug("max");
        create(figure(slug));
        String url = origin() + "/s/" + slug;
        int narrowHeight = given().queryParam("url", url)
                .queryParam("maxwidth", 300)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("width", equalTo(300))
                .body("html", containsString("max-width:300px"))
                .extract()
                .path("height");
        int wideHeight = given().queryParam("url", url)
                .queryParam("maxwidth", 2000)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("width", equalTo(560))
                .extract()
                .path("height");
        assertThat(narrowHeight).isGreaterThan(wideHeight);
        given().queryParam("url", url)
                .queryParam("maxwidth", 120)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("width", equalTo(120));
        given().queryParam("url", url)
                .queryParam("maxwidth", 119)
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
        given().queryParam("url", url)
                .queryParam("maxheight", 500)
                .when()
                .get("/oembed")
                .then()
                .statusCode(200)
                .body("height", lessThanOrEqualTo(500));
        given().queryParam("url", url)
                .queryParam("maxheight", 40)
                .when()
                .get("/oembed")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownForeignAndDraftUrls() {
        String draft = slug("odraft");
        createDraft(draft);
        given().queryParam("url", origin() + "/s/" + draft)
                .when()
                .get("/oembed")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().queryParam("url", origin() + "/s/" + slug("none"))
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
        given().queryParam("url", "https://evil.example/s/rapidus")
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
        given().queryParam("url", origin() + "/api/stats/x")
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
        given().queryParam("url", origin().replace("http:", "https:") + "/s/x")
                .when()
                .get("/oembed")
                .then()
                .statusCode(404);
    }

    @Test
    void malformedRequests() {
        String url = origin() + "/s/" + slug("m");
        given().when().get("/oembed").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("url", "not a url at all")
                .when()
                .get("/oembed")
                .then()
                .statusCode(400);
        given().queryParam("url", url)
                .queryParam("maxwidth", "wide")
                .when()
                .get("/oembed")
                .then()
                .statusCode(400);
        given().queryParam("url", url)
                .queryParam("maxheight", "-5")
                .when()
                .get("/oembed")
                .then()
                .statusCode(400);
        given().queryParam("url", url)
                .queryParam("format", "yaml")
                .when()
                .get("/oembed")
                .then()
                .statusCode(501)
                .contentType("application/problem+json");
    }

    private static String text(Document doc, String tag) {
        return doc.getElementsByTagName(tag).item(0).getTextContent();
    }
}
