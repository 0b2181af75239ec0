package dev.statcallouts.ops;

import static dev.statcallouts.testsupport.TestData.MANAGEMENT_PORT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import dev.statcallouts.common.Slugs;
import dev.statcallouts.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().port(MANAGEMENT_PORT)
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        given().when().get("/api/stats").then().statusCode(200);
        given().port(MANAGEMENT_PORT)
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics"}) {
            given().when().get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDescribesTheApiWithExamples() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/stats'.post.summary", equalTo("Create a figure (revision 1)"))
                .body("components.schemas.StatInput.properties.value.examples[0]", equalTo("920000000000"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("opaque token"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void pathParametersAreDescribedWithThePatternAClientChecks() {
        String document = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/stats/{slug}'.get.parameters.find { it.name == 'slug' }.schema.pattern",
                        equalTo(Slugs.PATTERN))
                .body(
                        "paths.'/images/s/{slug}.{format}'.get.parameters.find { it.name == 'slug' }.schema.pattern",
                        equalTo(Slugs.PATTERN))
                .extract()
                .asString();
        // The request mapper's anchor (Slugs.IN_PATH) is for the service only.
        assertFalse(document.contains("\\\\G"), "a pattern in the API description still starts with \\G");
    }

    @Test
    void aSlugThatIsNotOneIsNotFoundOnEveryTemplate() {
        for (String path : new String[] {
            "/api/stats/Rapidus", "/api/stats/rapidus-/revisions", "/api/stats/-x/usage", "/s/a_b", "/images/s/-.png"
        }) {
            given().when().get(path).then().statusCode(404);
        }
        String slug = TestData.slug("mapped");
        TestData.create(TestData.figure(slug));
        for (String path : new String[] {
            "/api/stats/" + slug, "/api/stats/" + slug + "/revisions", "/s/" + slug, "/images/s/" + slug + ".svg"
        }) {
            given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void responsesCarrySecurityHeaders() {
        given().when()
                .get("/api/stats")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
