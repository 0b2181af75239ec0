package dev.statcallouts;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.statcallouts.testsupport.EditorSignIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every kind of page we serve, checked by the Nu Html Checker (vnu, the W3C validator) and by
 * html-validate with its recommended rules ({@code widgets/.htmlvalidate.json}); both come from
 * the npm registry with {@code npm ci} in {@code widgets/}. No errors from either. vnu's CSS
 * parser does not know container queries ({@code container-type}, {@code cqi},
 * {@code @container}); those messages are its gap, not errors of ours, and are the only ones
 * left out.
 */
@QuarkusTest
class HtmlValidityTest {

    private static final Path VNU = Path.of("widgets/node_modules/vnu-jar/build/dist/vnu.jar");
    private static final Path HTML_VALIDATE = Path.of("widgets/node_modules/html-validate/bin/html-validate.mjs");

    @Test
    void everyPageIsValidHtml() throws Exception {
        String slug = slug("valid");
        create(figure(slug));
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "930000000000");
        corrected.put("note", "Fiscal 2025 total");
        update(corrected);
        String retracted = slug("valid-retracted");
        create(figure(retracted));
        retract(retracted, "Withdrawn by the publisher");
        String collection = slug("valid-coll");
        createCollection(collection, List.of(slug, retracted));

        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of(
                "/embed/" + slug,
                "/embed/" + slug + "?theme=dark&lang=ja",
                "/embed/" + slug + "?v=1",
                "/embed/" + retracted,
                "/embed/c/" + collection,
                "/s/" + slug,
                "/s/" + slug + "?lang=de",
                "/s/" + retracted,
                "/c/" + collection)) {
            pages.put(
                    path,
                    given().when().get(path).then().statusCode(200).extract().asString());
        }
        // The notice card an article shows where a card cannot be.
        pages.put(
                "/embed/unknown",
                given().header("Accept", "text/html")
                        .when()
                        .get("/embed/" + slug("unknown"))
                        .asString());
        pages.put("/editor/login", given().when().get("/editor/login").asString());
        EditorSignIn.Session admin = EditorSignIn.admin();
        for (String path : List.of(
                "/editor",
                "/editor/figures/" + slug,
                "/editor/figures/" + slug + "/edit",
                "/editor/figures/" + retracted,
                "/editor/new-figure",
                "/editor/collections",
                "/editor/collections/" + collection,
                "/editor/transfer",
                "/editor/account",
                "/editor/admin",
                "/editor/admin/webhooks",
                "/editor/figures/" + slug("missing"))) {
            pages.put(path, admin.page().when().get(path).asString());
        }

        Path dir = Files.createDirectories(Path.of("target", "vnu"));
        Map<String, String> files = new LinkedHashMap<>();
        List<String> command = new ArrayList<>(List.of("java", "-jar", VNU.toString(), "--format", "json", "--stdout"));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Path file = dir.resolve("page-" + files.size() + ".html");
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            files.put(file.getFileName().toString(), page.getKey());
            command.add(file.toString());
        }
        Process vnu = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(vnu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        vnu.waitFor();
        JsonNode messages = new ObjectMapper().readTree(report).get("messages");
        assertThat(messages).as("vnu's report: %s", report).isNotNull();
        List<String> errors = new ArrayList<>();
        for (JsonNode message : messages) {
            String text = message.path("message").asText();
            String url = message.path("url").asText();
            String file = url.substring(url.lastIndexOf('/') + 1);
            if (!message.path("type").asText().equals("error")
                    || isContainerQueryGap(
                            text, dir.resolve(file), message.path("lastLine").asInt())) {
                continue;
            }
            errors.add(files.getOrDefault(file, url) + ":"
                    + message.path("lastLine").asInt() + ": " + text);
        }
        assertThat(errors).as("vnu errors").isEmpty();

        List<String> htmlValidate = new ArrayList<>(List.of(
                "node", HTML_VALIDATE.toString(), "--formatter", "json", "--config", "widgets/.htmlvalidate.json"));
        files.keySet().forEach(file -> htmlValidate.add(dir.resolve(file).toString()));
        Process checker = new ProcessBuilder(htmlValidate).start();
        String results = new String(checker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        checker.waitFor();
        assertThat(results).as("html-validate's report").startsWith("[");
        List<String> problems = new ArrayList<>();
        for (JsonNode result : new ObjectMapper().readTree(results)) {
            String file =
                    Path.of(result.path("filePath").asText()).getFileName().toString();
            for (JsonNode message : result.path("messages")) {
                problems.add(files.get(file) + ":" + message.path("line").asInt() + ": "
                        + message.path("ruleId").asText() + ": "
                        + message.path("message").asText());
            }
        }
        assertThat(problems).as("html-validate errors").isEmpty();
    }

    /**
     * A message about container queries: one naming them, or a CSS parse error of a property
     * whose value on that line uses {@code cqi} (the checker cannot say more than "Parse Error").
     */
    private static boolean isContainerQueryGap(String message, Path file, int line) throws Exception {
        if (message.contains("container-type") || message.contains("@container") || message.contains("cqi")) {
            return true;
        }
        Matcher property = CSS_PARSE_ERROR.matcher(message);
        if (!property.matches()) {
            return false;
        }
        String source = Files.readAllLines(file).get(line - 1);
        return Pattern.compile(Pattern.quote(property.group(1)) + ":[^;}]*cqi")
                .matcher(source)
                .find();
    }

    private static final Pattern CSS_PARSE_ERROR = Pattern.compile("CSS: “([a-z-]+)”: Parse Error\\.");
}
