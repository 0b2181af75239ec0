package dev.statcallouts.ops;

import static dev.statcallouts.testsupport.TestData.MANAGEMENT_PORT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

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
    void responsesCarrySecurityHeaders() {
        given().when()
                .get("/api/stats")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
