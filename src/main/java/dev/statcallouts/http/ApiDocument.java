package dev.statcallouts.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the published API description with what every operation can answer besides its
 * success: the problem document ({@code Problem}) under each status the service's rules give it
 * (the same rules {@link ProblemMappers} applies), 304 for conditional reads, and the notice
 * card a refused card is inside an article. Written once here rather than on each of forty operations, so that none is
 * forgotten; the API suites check every answer they get against the result.
 */
public class ApiDocument implements OASFilter {

    private static final String PROBLEM = "Problem";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("400", "Malformed: unreadable JSON, a wrong type, an unknown field or query parameter"),
            Map.entry("401", "No token, or an unknown one"),
            Map.entry("403", "The token is revoked, or its role does not allow this"),
            Map.entry("404", "No such resource (drafts are not found without a token)"),
            Map.entry("406", "None of the types in Accept can be produced"),
            Map.entry("409", "In conflict with the current state (the problem says how)"),
            Map.entry("412", "Changed since the ETag in If-Match; the answer's ETag is the current one"),
            Map.entry("413", "The body is larger than allowed"),
            Map.entry("415", "The body is not of a type this operation reads"),
            Map.entry("422", "A field breaks a rule; errors name each one"),
            Map.entry("428", "If-Match is required: send the ETag you read, or *"),
            Map.entry("429", "Too many live streams open, in all or from this address; Retry-After says when"),
            Map.entry("503", "The database is unavailable; Retry-After says when to try again"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components =
                openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSchema(
                "FieldError",
                object().addProperty("field", string("A JSON path, form field or parameter name: sources[0].url"))
                        .addProperty("message", string("What is wrong with it"))
                        .addProperty(
                                "row",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.INTEGER))
                                        .description("CSV imports: the line"))
                        .addProperty("column", string("CSV imports: the column"))
                        .required(List.of("message")));
        components.addSchema(
                PROBLEM,
                object().description("An RFC 9457 problem document")
                        .addProperty("type", string("about:blank"))
                        .addProperty("title", string("The status's reason phrase"))
                        .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                        .addProperty("detail", string("What went wrong, in words for a developer"))
                        .addProperty(
                                "rows",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.INTEGER))
                                        .description("CSV imports: rows read"))
                        .addProperty(
                                "errors",
                                OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.ARRAY))
                                        .items(OASFactory.createSchema().ref("FieldError")))
                        .required(List.of("type", "title", "status")));
        components.getSchemas().forEach((name, schema) -> nullableUnlessRequired(schema));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean api = path.startsWith("/api/");
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean body = operation.getRequestBody() != null;
        // Every operation that reads If-Match requires it (IfMatch.required): say so, with 412 and 428.
        boolean versioned = false;
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                unpinned(parameter);
                if (parameter.getIn() == Parameter.In.HEADER
                        && parameter.getName().equalsIgnoreCase("If-Match")) {
                    parameter.setRequired(true);
                    parameter.setDescription("The ETag read (412 if it is no longer current), or * for any version");
                    versioned = true;
                }
            }
        }
        problem(responses, "400");
        if (api) {
            problem(responses, "401");
            problem(responses, "403");
        }
        if (path.contains("{") || path.equals("/oembed")) {
            problem(responses, "404");
        }
        if (path.equals("/oembed")) {
            problem(responses, "401"); // oEmbed's answer for a URL it will not describe (a draft)
        }
        problem(responses, "406");
        if (write) {
            problem(responses, "409");
            problem(responses, "422");
        }
        if (versioned) {
            problem(responses, "412");
            problem(responses, "428");
        }
        if (body) {
            problem(responses, "413");
            problem(responses, "415");
            problem(responses, "422");
        }
        if (path.endsWith("/events")) {
            problem(responses, "429");
        }
        problem(responses, "503");
        if (path.startsWith("/embed/") && !path.endsWith("/events")) {
            // Inside an article a refused card is a small readable card, not a problem document.
            for (String status : List.of("404", "503")) {
                responses
                        .getAPIResponse(status)
                        .getContent()
                        .addMediaType("text/html", OASFactory.createMediaType().schema(string("A notice card")));
            }
        }
        if (!write && !path.endsWith("/events") && !responses.hasAPIResponse("304")) {
            responses.addAPIResponse(
                    "304", OASFactory.createAPIResponse().description("Not modified since the ETag in If-None-Match"));
        }
    }

    /**
     * A path parameter's pattern as a client checks a value: without the {@code \G} that pins the
     * request mapper's search to where the parameter starts ({@code Slugs.IN_PATH}).
     */
    private static void unpinned(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() == Parameter.In.PATH
                && schema != null
                && schema.getPattern() != null
                && schema.getPattern().startsWith("\\G")) {
            schema.setPattern(schema.getPattern().substring(2));
        }
    }

    /**
     * Answers carry every field, null where there is no value (Jackson's default): a property
     * that is not required may be null, as OpenAPI 3.1 says it, with null among its types.
     */
    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                return;
            }
            if (property.getRef() != null) {
                String ref = property.getRef();
                property.setRef(null);
                property.setType(null);
                property.setAnyOf(List.of(
                        OASFactory.createSchema().ref(ref),
                        OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
            } else if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
                if (property.getEnumeration() != null
                        && !property.getEnumeration().contains(null)) {
                    List<Object> values = new ArrayList<>(property.getEnumeration());
                    values.add(null);
                    property.setEnumeration(values);
                }
            }
            nullableUnlessRequired(property);
        });
    }

    private static void problem(APIResponses responses, String status) {
        APIResponse existing = responses.getAPIResponse(status);
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
        if (existing == null) {
            responses.addAPIResponse(
                    status,
                    OASFactory.createAPIResponse()
                            .description(WORDS.get(status))
                            .content(content));
        } else if (existing.getContent() == null
                || existing.getContent().getMediaTypes().isEmpty()) {
            existing.setContent(content);
        }
    }

    private static Schema object() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
