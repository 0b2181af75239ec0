package dev.statcallouts.embed;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.statcallouts.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** Script-injection payloads in every field an editor types, checked in every output that shows them. */
@QuarkusTest
class InjectionTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "</script><script>alert(1)</script>",
                "\"><img src=x onerror=alert(1)>",
                "'><svg onload=alert(1)>",
                "<!--<script>alert(1)//-->",
                "javascript:alert(1)",
                "{page.css.raw}{#include x /}",
                "]]><x>&amp;&lt;\u2028\u2029",
            })
    void payloadIsEscapedEverywhere(String payload) throws Exception {
        String slug = slug("xss");
        Map<String, Object> body = figure(slug);
        body.put("label", payload);
        body.put("context", payload);
        body.put(
                "display",
                Map.of(
                        "kind",
                        "unit",
                        "unit",
                        payload.length() > 32 ? payload.substring(0, 32) : payload,
                        "notation",
                        "full"));
        body.put(
                "sources",
                List.of(Map.of(
                        "name",
                        payload,
                        "url",
                        "https://example.org/a?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8) + "&x='")));
        body.put("value", "2");
        create(body);
        String collection = slug("xss-coll");
        given().auth()
                .oauth2(TestData.ADMIN_TOKEN)
                .contentType("application/json")
                .body(Map.of(
                        "slug",
                        collection,
                        "title",
                        payload,
                        "description",
                        payload,
                        "stats",
                        List.of(slug),
                        "status",
                        "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201);

        List<String> pages = new ArrayList<>();
        for (String path : List.of(
                "/embed/" + slug,
                "/s/" + slug,
                "/embed/c/" + collection,
                "/c/" + collection,
                "/embed/" + slug + "?lang=ja&theme=dark")) {
            pages.add(given().when().get(path).then().statusCode(200).extract().asString());
        }
        for (String html : pages) {
            // The payloads may appear as escaped text, never as markup.
            assertThat(html).doesNotContain("<script>alert", "<img", "<svg", "<!--<script", "<x>", "'>");
            // Exactly the scripts we put there: the card script and, on permalinks, the JSON-LD.
            assertThat(html.split("<script").length - 1).isLessThanOrEqualTo(1);
            if (html.contains("application/ld+json")) {
                String ld = html.substring(html.indexOf("application/ld+json\">") + 21);
                ld = ld.substring(0, ld.indexOf("</script>"));
                assertThat(ld).doesNotContain("<", ">", "\u2028");
                assertThat(new JsonPath(ld).getString("name")).contains(payload.strip());
            }
        }

        String origin = RestAssured.baseURI + ":" + RestAssured.port;
        for (String url : List.of(origin + "/s/" + slug, origin + "/c/" + collection)) {
            String html = given().queryParam("url", url)
                    .when()
                    .get("/oembed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("html");
            assertThat(html).doesNotContain("<script", "<img", "<svg", "<!--", "<x>");
            assertThat(html.split("<blockquote").length - 1).isEqualTo(1);
            assertThat(html.split("<iframe").length - 1).isEqualTo(1);
            String xml = given().queryParam("url", url)
                    .queryParam("format", "xml")
                    .when()
                    .get("/oembed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            var doc = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getElementsByTagName("html").item(0).getTextContent())
                    .isEqualTo(html);
            assertThat(doc.getElementsByTagName("x").getLength()).isZero();
        }
        createCollection(slug("xss-plain"), List.of(slug));
    }
}
