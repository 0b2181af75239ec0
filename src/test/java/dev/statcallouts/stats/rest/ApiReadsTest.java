package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Lists page with Link headers, sort as asked, and refuse what they do not understand. */
@QuarkusTest
class ApiReadsTest {

    @Test
    void listsLinkTheirPagesAndNameTheNext() {
        String tag = "paging" + slug("t").substring(2);
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = figure(slug("page" + i));
            body.put("tags", List.of(tag));
            create(body);
        }
        Response second = given().queryParam("tag", tag)
                .queryParam("size", 2)
                .queryParam("page", 2)
                .get("/api/stats");
        second.then().statusCode(200).body("items.size()", equalTo(2)).body("totalPages", equalTo(3));
        String links = second.header("Link");
        assertThat(links)
                .contains("</api/stats?tag=" + tag + "&size=2&page=1>; rel=\"first\"")
                .contains("page=1>; rel=\"prev\"")
                .contains("page=3>; rel=\"next\"")
                .contains("page=3>; rel=\"last\"");
        assertThat(second.jsonPath().getString("next")).isEqualTo("/api/stats?tag=" + tag + "&size=2&page=3");
        Response last = given().queryParam("tag", tag)
                .queryParam("size", 2)
                .queryParam("page", 3)
                .get("/api/stats");
        last.then().body("next", nullValue()).body("items.size()", equalTo(1));
        assertThat(last.header("Link")).doesNotContain("rel=\"next\"");
        // Past the last page: nothing on it, and still how many there are.
        Response past = given().queryParam("tag", tag)
                .queryParam("size", 2)
                .queryParam("page", 4)
                .get("/api/stats");
        past.then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("next", nullValue());
        assertThat(past.header("Link")).contains("page=3>; rel=\"last\"");
        // The page named first, twice (once encoded), and a parameter encoded as sent: every other
        // one is kept as it came, in its order, and the page goes last, once.
        Response reordered = given().urlEncodingEnabled(false)
                .get("/api/stats?pag%65=1&size=2&page=2&tag=" + tag + "&q=%20" + tag.substring(0, 3) + "*");
        reordered.then().statusCode(200);
        assertThat(reordered.header("Link"))
                .contains(
                        "</api/stats?size=2&tag=" + tag + "&q=%20" + tag.substring(0, 3) + "*&page=1>; rel=\"first\"");
    }

    @Test
    void repeatedTagsCombineLikeCommaSeparatedOnes() {
        String a = "both" + slug("a").substring(2);
        String b = "both" + slug("b").substring(2);
        Map<String, Object> both = figure(slug("both"));
        both.put("tags", List.of(a, b));
        create(both);
        Map<String, Object> one = figure(slug("one"));
        one.put("tags", List.of(a));
        create(one);
        given().queryParam("tag", a)
                .queryParam("tag", b)
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", equalTo(List.of(both.get("slug"))));
        given().queryParam("tag", a + "," + b)
                .get("/api/stats")
                .then()
                .body("items.slug", equalTo(List.of(both.get("slug"))));
    }

    @Test
    void listsSortAsAsked() {
        String tag = "sorting" + slug("t").substring(2);
        for (String name : List.of("b", "c", "a")) {
            Map<String, Object> body = figure(tag + "-" + name);
            body.put("tags", List.of(tag));
            create(body);
        }
        given().queryParam("tag", tag)
                .queryParam("sort", "slug")
                .get("/api/stats")
                .then()
                .body("items.slug", equalTo(List.of(tag + "-a", tag + "-b", tag + "-c")));
        given().queryParam("tag", tag)
                .queryParam("sort", "slug")
                .queryParam("order", "desc")
                .get("/api/stats")
                .then()
                .body("items.slug", equalTo(List.of(tag + "-c", tag + "-b", tag + "-a")));
        given().queryParam("tag", tag)
                .queryParam("sort", "created")
                .queryParam("order", "asc")
                .get("/api/stats")
                .then()
                .body("items.slug", equalTo(List.of(tag + "-b", tag + "-c", tag + "-a")));
        given().queryParam("sort", "size")
                .get("/api/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void whatAListDoesNotUnderstandIsRefused() {
        given().queryParam("stauts", "draft")
                .get("/api/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("stauts"))
                .body("detail", containsString("status"));
        given().queryParam("status", "draft")
                .get("/api/stats")
                .then()
                .statusCode(401)
                .body("detail", containsString("token"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .queryParam("status", "draft")
                .get("/api/stats")
                .then()
                .statusCode(200);
        given().queryParam("x".repeat(500), "1")
                .get("/api/collections")
                .then()
                .statusCode(400)
                .body("detail.length()", org.hamcrest.Matchers.lessThan(200));
    }

    @Test
    void revisionsArePagedLikeEverythingElse() {
        String slug = slug("revs");
        Map<String, Object> body = figure(slug);
        create(body);
        for (int i = 1; i <= 4; i++) {
            body.put("value", Long.toString(920_000_000_000L + i));
            update(body);
        }
        Response first = given().queryParam("size", 2).get("/api/stats/" + slug + "/revisions");
        first.then()
                .statusCode(200)
                .body("items.number", equalTo(List.of(5, 4)))
                .body("total", equalTo(5));
        assertThat(first.header("Link")).contains("page=2>; rel=\"next\"").contains("page=3>; rel=\"last\"");
        given().queryParam("size", 2)
                .queryParam("page", 3)
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .body("items.number", equalTo(List.of(1)))
                .body("next", nullValue());
        String etag = first.header("ETag");
        assertThat(given().queryParam("size", 2)
                        .queryParam("page", 2)
                        .get("/api/stats/" + slug + "/revisions")
                        .header("ETag"))
                .as("another page is another representation")
                .isNotEqualTo(etag);
        given().get("/api/stats/" + slug + "/revisions/5")
                .then()
                .statusCode(200)
                .body("figure.value", equalTo("920000000004"));
    }
}
