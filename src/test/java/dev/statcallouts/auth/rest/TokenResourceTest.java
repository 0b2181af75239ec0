package dev.statcallouts.auth.rest;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.createDraft;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TokenResourceTest {

    @Test
    void writesWithoutATokenAre401AndWriteNothing() {
        String slug = slug("anon");
        Map<String, Long> before = rowCounts();
        given().contentType(ContentType.JSON)
                .body(figure(slug))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType(ContentType.JSON)
                .body(figure(slug))
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "x"))
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(401);
        given().when().get("/api/tokens").then().statusCode(401);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void unknownOrMalformedTokensAre401() {
        given().auth()
                .oauth2("sc_not-a-real-token")
                .contentType(ContentType.JSON)
                .body(figure(slug("x")))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz")
                .contentType(ContentType.JSON)
                .body(figure(slug("x")))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer ")
                .contentType(ContentType.JSON)
                .body(figure(slug("x")))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(401);
        // A public read with a bad token is refused too, rather than silently served as anonymous.
        given().auth()
                .oauth2("sc_not-a-real-token")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(401);
    }

    @Test
    void issuedTokensWriteUnderTheirEditorName() {
        String secret = token("editor");
        assertThat(secret).startsWith("sc_");
        String slug = slug("by-editor");
        given().auth()
                .oauth2(secret)
                .contentType(ContentType.JSON)
                .body(figure(slug))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .body("items[0].editor", equalTo("editor@tests.example"));
    }

    @Test
    void readOnlyTokensSeeDraftsButCannotWrite() {
        String reader = token("reader");
        String slug = slug("draft-for-reader");
        createDraft(slug);
        given().auth().oauth2(reader).when().get("/api/stats/" + slug).then().statusCode(200);
        Map<String, Long> before = rowCounts();
        given().auth()
                .oauth2(reader)
                .contentType(ContentType.JSON)
                .body(figure(slug("r")))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(reader).when().get("/api/tokens").then().statusCode(403);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void editorsCannotManageTokens() {
        String editor = token("editor");
        given().auth()
                .oauth2(editor)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "editor", "x", "role", "admin"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(403);
    }

    @Test
    void revokedTokensAre403() {
        var issued = given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "to-revoke", "editor", "leaver@tests.example", "role", "editor"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/tokens/"))
                .body("token.role", equalTo("editor"))
                .body("secret", notNullValue())
                .extract();
        String secret = issued.path("secret");
        int id = issued.path("token.id");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .delete("/api/tokens/" + id)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());
        given().auth()
                .oauth2(secret)
                .contentType(ContentType.JSON)
                .body(figure(slug("revoked")))
                .when()
                .post("/api/stats")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void tokenListNeverShowsSecretsOrHashes() {
        String body = given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .body("name", hasItem("bootstrap"))
                .extract()
                .asString();
        assertThat(body)
                .doesNotContain("sc_")
                .doesNotContain(ADMIN_TOKEN)
                .doesNotContain("tokenHash")
                .doesNotContain("hash");
        given().auth().oauth2(ADMIN_TOKEN).when().get("/api/tokens").then().body("[0]", not(hasItem("secret")));
    }

    @Test
    void badTokenRequestsAreProblems() {
        Map<String, Long> before = rowCounts();
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "editor", "x", "role", "superuser"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("role"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .delete("/api/tokens/999999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }
}
