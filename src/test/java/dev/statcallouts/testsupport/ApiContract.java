package dev.statcallouts.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every answer a test gets through REST Assured, from a path the published API description
 * lists, is checked against that description (as the service serves it at {@code /q/openapi}):
 * its status must be declared for the operation, its content type too, and a JSON body must
 * match the declared schema. A mismatch fails the test. Registered before every Quarkus test (a
 * {@code QuarkusTestBeforeEachCallback}, so in the tests' own class loader); hand-made because swagger-request-validator reads only OpenAPI 3.0,
 * and the service publishes 3.1, whose schemas are JSON Schema 2020-12 (checked by networknt's
 * validator).
 */
public final class ApiContract implements QuarkusTestBeforeEachCallback, Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "https://contract.statcallouts.test/openapi.json";
    private static final ApiContract INSTANCE = new ApiContract();
    private static volatile boolean installed;

    /** Per service origin: its description and a factory that resolves references in it. */
    private final Map<String, Described> described = new ConcurrentHashMap<>();

    private record Operation(Pattern path, String template, JsonNode node) {}

    record Described(JsonSchemaFactory schemas, List<Operation> operations) {}

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!installed) {
            synchronized (ApiContract.class) {
                if (!installed) {
                    RestAssured.filters(INSTANCE);
                    installed = true;
                }
            }
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification spec, FilterContext context) {
        Response response = context.next(request, spec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")) {
            return response;
        }
        Described api = described.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), ApiContract::load);
        List<String> problems = check(api, request.getMethod(), uri.getPath(), response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + uri.getPath()
                    + " does not match the published API description:\n  " + String.join("\n  ", problems)
                    + "\nBody: " + abbreviated(response.asString()));
        }
        return response;
    }

    static List<String> check(Described api, String method, String path, Response response) {
        Operation operation = api.operations().stream()
                .filter(o -> o.path().matcher(path).matches())
                .findFirst()
                .orElse(null);
        if (operation == null) {
            return List.of(); // not part of the API (a page, a card, the editors' UI)
        }
        JsonNode declared = operation.node().path(method.toLowerCase(Locale.ROOT));
        if (declared.isMissingNode()) {
            return List.of(); // the framework's 405
        }
        int status = response.statusCode();
        JsonNode answer = declared.path("responses").path(Integer.toString(status));
        if (answer.isMissingNode()) {
            answer = declared.path("responses").path("default");
        }
        if (answer.isMissingNode()) {
            return List.of("status " + status + " is not declared for " + method + " " + operation.template()
                    + " (declared: " + names(declared.path("responses")) + ")");
        }
        String type = response.contentType() == null
                ? ""
                : response.contentType().split(";")[0].strip();
        if (status == 304 || method.equals("HEAD") || type.isEmpty() || response.asByteArray().length == 0) {
            return List.of();
        }
        JsonNode content = answer.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return List.of("status " + status + " of " + method + " " + operation.template() + " declares no body, but "
                    + type + " came");
        }
        if (!content.has(type) && !content.has("*/*")) {
            return List.of("status " + status + " of " + method + " " + operation.template() + " declares "
                    + names(content) + ", not " + type);
        }
        if (!type.endsWith("json") || !content.path(type).has("schema")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(operation.template()) + "/" + method.toLowerCase(Locale.ROOT)
                + "/responses/" + (declared.path("responses").has(Integer.toString(status)) ? status : "default")
                + "/content/" + escape(type) + "/schema";
        JsonSchema schema = api.schemas().getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer));
        JsonNode body;
        try {
            body = JSON.readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            return List.of("the body is not JSON: " + e.getMessage());
        }
        Set<ValidationMessage> errors = schema.validate(body);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }

    private static Described load(String origin) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return describe(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the API description of " + origin, e);
        }
    }

    /** A description read from its JSON text. */
    static Described describe(String text) {
        try {
            JsonNode document = JSON.readTree(text);
            // The document's own members (openapi, paths, info…) are not schema keywords: annotations, silently.
            JsonMetaSchema dialect = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
                    .build();
            JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(
                    SpecVersion.VersionFlag.V202012,
                    builder -> builder.metaSchema(dialect)
                            .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT, text))));
            List<Operation> operations = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                String regex = Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                operations.add(new Operation(Pattern.compile(regex), path.getKey(), path.getValue()));
            }
            // Literal paths before templated ones: /api/stats/export.csv is not /api/stats/{slug}.
            operations.sort(Comparator.comparingLong(
                    o -> o.template().chars().filter(c -> c == '{').count()));
            return new Described(schemas, operations);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not an API description", e);
        }
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static String names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    private static String abbreviated(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }
}
