package dev.statcallouts.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;

/** The checker every API suite runs its answers through finds what does not match. */
class ApiContractTest {

    private static final ApiContract.Described API = ApiContract.describe("""
            {"openapi": "3.1.0", "paths": {
              "/api/things/{slug}": {"get": {"responses": {
                "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
              "/api/things/export.csv": {"get": {"responses": {"200": {"content": {"text/csv": {}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["slug"],
               "properties": {"slug": {"type": "string"}, "value": {"type": ["string", "null"]}}}}}}
            """);

    private static Response answer(int status, String type, String body) {
        return new ResponseBuilder()
                .setStatusCode(status)
                .setContentType(type)
                .setBody(body)
                .build();
    }

    @Test
    void aMatchingAnswerPasses() {
        assertThat(ApiContract.check(
                        API,
                        "GET",
                        "/api/things/a",
                        answer(200, "application/json", "{\"slug\":\"a\",\"value\":null}")))
                .isEmpty();
        assertThat(ApiContract.check(API, "GET", "/api/things/export.csv", answer(200, "text/csv", "slug\n")))
                .as("a literal path is not taken for a template")
                .isEmpty();
        assertThat(ApiContract.check(API, "GET", "/editor/anything", answer(500, "text/html", "x")))
                .as("not part of the API")
                .isEmpty();
    }

    @Test
    void anUndeclaredStatusTypeOrShapeFails() {
        assertThat(ApiContract.check(API, "GET", "/api/things/a", answer(409, "application/problem+json", "{}")))
                .singleElement()
                .asString()
                .contains("status 409 is not declared");
        assertThat(ApiContract.check(API, "GET", "/api/things/a", answer(200, "text/html", "<p>")))
                .singleElement()
                .asString()
                .contains("not text/html");
        assertThat(ApiContract.check(API, "GET", "/api/things/a", answer(200, "application/json", "{\"value\":3}")))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("slug"))
                .anySatisfy(m -> assertThat(m).contains("value"));
    }
}
