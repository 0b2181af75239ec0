package dev.statcallouts.testsupport;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the API suites share: the admin token of the test configuration, fresh slugs, figure bodies, row counts. */
public final class TestData {

    /** Matches {@code %test.statcallouts.auth.bootstrap-token}. */
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123456789";

    /** The management interface (health, metrics) under test: {@code quarkus.management.test-port}. */
    public static final int MANAGEMENT_PORT = 9001;

    private TestData() {}

    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A token holder's read: never answered from the kept answers, so it shows what PostgreSQL holds now. */
    public static RequestSpecification pastMemory() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    /** A valid figure body: ¥920 billion, one source, published. Tests change what they need. */
    public static Map<String, Object> figure(String slug) {
        Map<String, Object> display = new LinkedHashMap<>();
        display.put("kind", "currency");
        display.put("currency", "JPY");
        display.put("notation", "compact");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", "Reuters");
        source.put("url", "https://www.reuters.com/technology/rapidus");
        source.put("published", "2024-04-02");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", slug);
        body.put("value", "920000000000");
        body.put("display", display);
        body.put("label", "cumulative investment in Rapidus");
        body.put("context", "Government support for a 2 nm foundry.");
        body.put("asOf", "2024-04-02");
        body.put("locale", "en");
        body.put("sources", new ArrayList<>(List.of(source)));
        body.put("tags", List.of("semiconductors", "japan"));
        body.put("status", "published");
        // Its words in Japanese: a card asked for in ja is wholly Japanese (any other language: English).
        Map<String, Object> ja = new LinkedHashMap<>();
        ja.put("label", "ラピダスへの累計投資額");
        ja.put("context", "2ナノ半導体工場への政府支援。");
        body.put("translations", new LinkedHashMap<>(Map.of("ja", ja)));
        return body;
    }

    /** {@link #figure(String)} with these tags only: a tag of the test's own finds its figures alone in a list. */
    public static Map<String, Object> figure(String slug, String... tags) {
        Map<String, Object> body = figure(slug);
        body.put("tags", List.of(tags));
        return body;
    }

    /** Creates a valid figure as a draft (invisible to the public) through the API. */
    public static void createDraft(String slug) {
        Map<String, Object> draft = figure(slug);
        draft.put("status", "draft");
        create(draft);
    }

    /** Creates the figure through the API and returns its ETag. */
    public static String create(Map<String, Object> figure) {
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(figure)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
    }

    /** Creates a published collection of the given figures through the API. */
    public static void createCollection(String slug, List<String> stats) {
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "title", "AI by the numbers", "stats", stats, "status", "published"))
                .when()
                .post("/api/collections")
                .then()
                .statusCode(201);
    }

    /** Replaces a figure through the API; a save that does not say what it is, is a correction. */
    public static void update(Map<String, Object> figure) {
        Map<String, Object> body = new LinkedHashMap<>(figure);
        body.putIfAbsent("change", "correction");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(body)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + figure.get("slug"))
                .then()
                .statusCode(200);
    }

    /** Retracts a published figure through the API. */
    public static void retract(String slug, String reason) {
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .queryParam("reason", reason)
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + slug + "/retraction")
                .then()
                .statusCode(200);
    }

    /** The password of every editor account {@link #createEditor()} makes. */
    public static final String EDITOR_PASSWORD = "correct horse battery";

    /** A fresh editor account for the web UI, created through the admin API; returns its user name. */
    public static String createEditor() {
        return createEditor("editor");
    }

    /** A fresh account with this role (editor or admin); returns its user name. */
    public static String createEditor(String role) {
        String username = slug(role.equals("admin") ? "adm" : "ed");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "username",
                        username,
                        "displayName",
                        "Jane " + username,
                        "role",
                        role,
                        "password",
                        EDITOR_PASSWORD))
                .when()
                .post("/api/editors")
                .then()
                .statusCode(201);
        return username;
    }

    /** Issues a token of the given role through the API and returns its secret. */
    public static String token(String role) {
        return token(role, "test-" + role);
    }

    /** Issues a token of the given role and name through the API and returns its secret. */
    public static String token(String role, String name) {
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "editor", role + "@tests.example", "role", role))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    /** The id of the token issued under this name. */
    public static int tokenId(String name) {
        return given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.name == '" + name + "' }.id");
    }

    /** One view of a figure's card, embedded on the page a Referer names. */
    public static void viewCard(String slug, String referer) {
        given().header("Referer", referer).when().get("/embed/" + slug).then().statusCode(200);
    }

    /**
     * Row counts of every table of the schema (whatever migrations add), to show that a refused
     * request wrote nothing.
     */
    public static Map<String, Long> rowCounts() {
        String url = System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/statcallouts_test");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                    + " and table_name <> 'flyway_schema_history' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }
}
