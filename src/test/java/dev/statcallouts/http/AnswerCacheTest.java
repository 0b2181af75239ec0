package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.pastMemory;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;

@QuarkusTest
class AnswerCacheTest {

    @Inject
    MeterRegistry registry;

    private double count(String result) {
        return registry.counter("statcallouts.answers.requests", "result", result)
                .count();
    }

    /** The headers of an answer, less those that differ between any two responses. */
    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.headers()) {
            // Vert.x gzips a miss on the fly, a hit is sent as gzipped once: the same bytes, other lengths.
            if (!header.getName().equalsIgnoreCase("date") && !header.getName().equalsIgnoreCase("content-length")) {
                headers.merge(header.getName(), header.getValue(), (a, b) -> a + ", " + b);
            }
        }
        return headers;
    }

    @Test
    void aSecondReadIsAnsweredFromMemoryWithTheSameBytesAndHeaders() {
        String slug = slug("mem");
        create(figure(slug));
        String collection = slug("memc");
        createCollection(collection, List.of(slug));
        for (String path : List.of(
                "/s/" + slug,
                "/s/" + slug + "?lang=ja",
                "/s/" + slug + "/data.json",
                "/s/" + slug + "/data.csv",
                "/c/" + collection,
                "/api/stats/" + slug,
                "/api/stats/" + slug + "/revisions",
                "/api/stats?tag=japan&size=5",
                "/api/collections/" + collection,
                "/oembed?url=http://localhost:8081/s/" + slug,
                "/oembed?url=http://localhost:8081/s/" + slug + "&format=xml")) {
            Response first = given().get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            double hits = count("hit");
            Response second = given().get(path);
            assertThat(count("hit")).as(path + " answered from memory").isEqualTo(hits + 1);
            assertThat(second.statusCode()).as(path).isEqualTo(200);
            assertThat(second.asByteArray()).as(path).isEqualTo(first.asByteArray());
            assertThat(headers(second)).as(path).isEqualTo(headers(first));
        }
    }

    @Test
    void aSharedPermalinksTrackingParametersDoNotMakeItANewRead() {
        String slug = slug("memt");
        create(figure(slug));
        String collection = slug("memtc");
        createCollection(collection, List.of(slug));
        byte[] english = given().get("/s/" + slug + "?utm_source=newsletter").asByteArray();
        byte[] japanese = given().get("/s/" + slug + "?lang=ja").asByteArray();
        assertThat(new String(japanese, StandardCharsets.UTF_8)).contains("9200億円");
        byte[] page = given().get("/c/" + collection).asByteArray();
        Map<String, byte[]> same = Map.of(
                "/s/" + slug + "?fbclid=IwAR0abc", english,
                "/s/" + slug, english,
                "/s/" + slug + "?lang=fi&gclid=1", english, // a language not offered: the figure's own
                "/s/" + slug + "?utm_campaign=x&lang=JA", japanese,
                "/c/" + collection + "?utm_medium=social", page);
        same.forEach((path, expected) -> {
            double hits = count("hit");
            Response read = given().get(path);
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(count("hit")).as(path + " answered from memory").isEqualTo(hits + 1);
            assertThat(read.asByteArray()).as(path).isEqualTo(expected);
        });
        // The API still refuses a parameter it does not take, and a malformed language is refused.
        given().get("/api/stats/" + slug).then().statusCode(200);
        given().get("/api/stats/" + slug + "?utm_source=x").then().statusCode(400);
        given().get("/s/" + slug + "?lang=%25%25").then().statusCode(400);
    }

    @Test
    void aTextBodyReadPastMemoryIsTheSameUtf8Bytes() {
        String slug = slug("memu");
        create(figure(slug));
        for (String path : List.of("/s/" + slug + "?lang=ja", "/s/" + slug + "/data.csv")) {
            byte[] kept = given().get(path).asByteArray();
            // A token: read past memory, the body turned into bytes on the way out (AnswerCapture).
            Response read = pastMemory().get(path);
            assertThat(read.statusCode()).as(path).isEqualTo(200);
            assertThat(read.contentType()).as(path).containsIgnoringCase("charset=utf-8");
            assertThat(read.asByteArray()).as(path).isEqualTo(kept);
        }
        assertThat(pastMemory().get("/s/" + slug + "?lang=ja").asString()).contains("9200億円");
    }

    @Test
    void gzipHeadAndNotModifiedFromMemory() throws IOException, InterruptedException {
        String slug = slug("memz");
        create(figure(slug));
        String path = "/api/stats/" + slug;
        Response plain = given().get(path);
        assertThat(plain.statusCode()).isEqualTo(200);
        given().get("/embed/" + slug).then().statusCode(200);
        for (String read : List.of(path, "/embed/" + slug)) {
            byte[] expected = given().get(read).asByteArray();
            // HTTP/1.1, and HTTP/2 (h2c), where Vert.x compresses whatever Content-Encoding names.
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpResponse<byte[]> gzipped = HttpClient.newBuilder()
                        .version(version)
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:8081" + read))
                                        .header("Accept-Encoding", "gzip")
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                assertThat(gzipped.headers().firstValue("Content-Encoding"))
                        .as(read)
                        .contains("gzip");
                assertThat(gzipped.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
                    assertThat(in.readAllBytes())
                            .as(read + " over " + version + ", gzipped once")
                            .isEqualTo(expected);
                }
            }
        }
        Response head = given().head(path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("ETag")).isEqualTo(plain.header("ETag"));
        double hits = count("hit");
        Response notModified =
                given().header("If-None-Match", plain.header("ETag")).get(path);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("Surrogate-Key")).isEqualTo("stat-" + slug);
        assertThat(count("hit")).isEqualTo(hits + 1);
    }

    @Test
    void aChangeDropsWhatItMakesStale() {
        String slug = slug("memu");
        create(figure(slug));
        String collection = slug("memuc");
        createCollection(collection, List.of(slug));
        List<String> paths = List.of("/s/" + slug, "/api/stats/" + slug, "/c/" + collection, "/api/stats?size=100");
        paths.forEach(path -> given().get(path).then().statusCode(200));
        paths.forEach(path -> assertThat(given().get(path).asString()).as(path).doesNotContain("¥1.5T", "1.5T"));
        Map<String, Object> changed = figure(slug);
        changed.put("value", "1500000000000");
        update(changed);
        for (String path : paths) {
            assertThat(given().get(path).asString()).as(path).contains("1.5");
        }
        assertThat(given().get("/api/stats/" + slug).jsonPath().getString("value"))
                .isEqualTo("1500000000000");
    }

    @Test
    void credentialsAlwaysGoThroughAndNothingElseIsKept() {
        String draft = slug("memd");
        createDraft(draft);
        String path = "/api/stats?status=all&size=100&q=" + draft;
        assertThat(given().get(path).jsonPath().getList("items")).isEmpty();
        assertThat(given().get(path).jsonPath().getList("items"))
                .as("from memory")
                .isEmpty();
        Response editor = given().auth().oauth2(ADMIN_TOKEN).get(path);
        assertThat(editor.jsonPath().getList("items.slug")).containsExactly(draft);
        assertThat(editor.header("Cache-Control")).startsWith("private");
        // The editor's private answer was not kept: the public one stays empty.
        assertThat(given().get(path).jsonPath().getList("items")).isEmpty();
        // A refusal is not kept, and a type the answer cannot be still gets 406.
        String slug = slug("mema");
        create(figure(slug));
        given().get("/s/" + slug).then().statusCode(200);
        given().accept("application/json").get("/s/" + slug).then().statusCode(406);
        double misses = count("miss");
        given().get("/api/stats/no-such-figure-mem").then().statusCode(404);
        given().get("/api/stats/no-such-figure-mem").then().statusCode(404);
        assertThat(count("miss")).isEqualTo(misses + 2);
    }

    @Test
    void aReadersCookiesDoNotKeepThemFromMemoryNorShowThemMore() {
        String slug = slug("memk");
        create(figure(slug));
        String draft = slug("memkd");
        createDraft(draft);
        for (String path : List.of("/s/" + slug, "/api/stats/" + slug)) {
            Response kept = given().get(path);
            double hits = count("hit");
            // A site's own cookies (analytics, consent), sent on every read of a subdomain.
            Response read = given().cookie("_ga", "GA1.2.1111.2222")
                    .cookie("consent", "all")
                    .get(path);
            assertThat(count("hit") - hits).as(path + " from memory").isEqualTo(1);
            assertThat(read.asByteArray()).as(path).isEqualTo(kept.asByteArray());
        }
        // An editor signed in to the editors' UI reads the public pages as anyone does.
        EditorSignIn.Session session = EditorSignIn.editor();
        for (String path : List.of("/s/" + draft, "/api/stats/" + draft)) {
            session.page().get(path).then().statusCode(404);
        }
        session.page()
                .get("/api/stats?status=all&size=100&q=" + draft)
                .then()
                .statusCode(200)
                .body("items", empty());
    }
}
