package dev.statcallouts.editor;

import static dev.statcallouts.testsupport.EditorSignIn.freshAddress;
import static dev.statcallouts.testsupport.EditorSignIn.signIn;
import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import dev.statcallouts.editor.service.EditorAuthService;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class EditorAuthTest {

    static final String PASSWORD = EDITOR_PASSWORD;

    static String editor() {
        return createEditor();
    }

    @Test
    void signInSetsAStrictHttpOnlySecureCookieAndShowsTheFigures() {
        String username = editor();
        String slug = slug("ui");
        create(figure(slug));
        Response signedIn = signIn(username, PASSWORD);
        signedIn.then().statusCode(303).header("Location", endsWith("/editor"));
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("sc_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/editor");
        String session = signedIn.getCookie("sc_session");
        given().cookie("sc_session", session)
                .when()
                .get("/editor")
                .then()
                .statusCode(200)
                .body(containsString("Jane " + username))
                .body(containsString("¥920 billion"))
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store");
        given().cookie("sc_session", session)
                .queryParam("q", "no-such-words-anywhere-zzqx")
                .when()
                .get("/editor")
                .then()
                .statusCode(200)
                .body(containsString("0 figures"));
    }

    @Test
    void withoutASessionTheEditorRedirectsToSignIn() {
        given().redirects()
                .follow(false)
                .when()
                .get("/editor")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/login"));
        given().redirects()
                .follow(false)
                .cookie("sc_session", "forged")
                .when()
                .get("/editor")
                .then()
                .statusCode(303);
        given().when().get("/editor/login").then().header("X-Frame-Options", "DENY");
    }

    @Test
    void wrongPasswordsSlowDownTheGuesserNotTheEditor() {
        String username = editor();
        String guesser = freshAddress();
        signIn(username, "wrong password!", guesser)
                .then()
                .statusCode(401)
                .body(containsString("Wrong user name or password."));
        for (int i = 0; i < 4; i++) {
            signIn(username, "wrong password!", guesser).then().statusCode(401);
        }
        // The guesser waits, even with the right password; the editor, elsewhere, does not.
        Response throttled = signIn(username, PASSWORD, guesser);
        throttled
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .header("Set-Cookie", not(containsString("sc_session=")))
                .body(containsString("Too many wrong passwords from here"));
        signIn(username, PASSWORD, freshAddress()).then().statusCode(303);
        // The delay doubles with every further wrong password, and the wait is over after it.
        await().atMost(Duration.ofSeconds(3))
                .until(() -> signIn(username, "wrong again", guesser).statusCode() == 401);
        signIn(username, PASSWORD, guesser).then().statusCode(429).header("Retry-After", "2");
    }

    @Test
    void unknownNamesGetTheSameAnswersAsRealOnes() {
        String username = editor();
        String real = freshAddress();
        String unknown = freshAddress();
        for (int i = 0; i < 5; i++) {
            signIn(username, "wrong password!", real).then().statusCode(401);
            signIn("nobody-" + username, "wrong password!", unknown).then().statusCode(401);
        }
        Response toReal = signIn(username, "wrong password!", real);
        Response toUnknown = signIn("nobody-" + username, "wrong password!", unknown);
        toReal.then().statusCode(429);
        toUnknown.then().statusCode(429).header("Retry-After", toReal.header("Retry-After"));
        assertThat(withoutCsrf(toUnknown.asString().replace("nobody-" + username, username)))
                .isEqualTo(withoutCsrf(toReal.asString()));
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
    }

    @Test
    void unknownNamesTakeAsLongAsWrongPasswords() {
        // The same bcrypt work either way: the dummy hash has the accounts' cost.
        assertThat(EditorAuthService.DUMMY_HASH).startsWith("$2a$" + EditorAuthService.BCRYPT_COST + "$");
        assertThat(BcryptUtil.matches("not a password of anyone", EditorAuthService.DUMMY_HASH))
                .isTrue();
        String username = editor();
        long real = 0;
        long unknown = 0;
        for (int i = 0; i < 3; i++) {
            real += signIn(username, "wrong password!", freshAddress()).timeIn(TimeUnit.MILLISECONDS);
            unknown += signIn("nobody-" + username, "wrong password!", freshAddress())
                    .timeIn(TimeUnit.MILLISECONDS);
        }
        assertThat((double) unknown / real).isBetween(0.6, 1.6);
    }

    @Test
    void redirectsGoToThePublicUrlWhateverTheHostHeaderSays() {
        given().redirects()
                .follow(false)
                .header("Host", "evil.example")
                .contentType("application/x-www-form-urlencoded")
                .when()
                .post("/editor/logout")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:8081/editor/login");
        given().redirects()
                .follow(false)
                .header("Host", "evil.example")
                .when()
                .get("/editor")
                .then()
                .statusCode(303)
                .header("Location", "http://localhost:8081/editor/login");
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        String username = editor();
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .formParam("csrf", "guess")
                .when()
                .post("/editor/login")
                .then()
                .statusCode(403);
        String session = signIn(username, PASSWORD).getCookie("sc_session");
        given().redirects()
                .follow(false)
                .cookie("sc_session", session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "guess")
                .when()
                .post("/editor/logout")
                .then()
                .statusCode(403);
        given().cookie("sc_session", session).when().get("/editor").then().statusCode(200);

        String page =
                given().cookie("sc_session", session).when().get("/editor").asString();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        given().redirects()
                .follow(false)
                .cookie("sc_session", session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", m.group(1))
                .when()
                .post("/editor/logout")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/login"));
        given().redirects()
                .follow(false)
                .cookie("sc_session", session)
                .when()
                .get("/editor")
                .then()
                .statusCode(303);
    }

    @Test
    void passwordsAreStoredAsBcryptAndAccountsNeedAnAdminToken() throws Exception {
        String username = editor();
        try (var db = DriverManager.getConnection(
                        System.getProperty("test.db.url", "jdbc:postgresql://127.0.0.1:5432/statcallouts_test"),
                        "postgres",
                        "");
                var statement = db.prepareStatement("select password_hash from editor_account where username = ?")) {
            statement.setString(1, username);
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("$2a$12$").doesNotContain(PASSWORD);
            }
        }
        given().contentType("application/json")
                .body(Map.of("username", "x" + username, "displayName", "X", "role", "editor", "password", PASSWORD))
                .when()
                .post("/api/editors")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .body(Map.of("username", username, "displayName", "X", "role", "editor", "password", PASSWORD))
                .when()
                .post("/api/editors")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .body(Map.of("username", "y" + username, "displayName", "X", "role", "editor", "password", "short"))
                .when()
                .post("/api/editors")
                .then()
                .statusCode(422)
                .body("errors[0].field", Matchers.equalTo("password"));
    }

    @Test
    void theConfiguredFirstAdminCanSignIn() {
        signIn("editor-admin", "test-editor-password-0123").then().statusCode(303);
    }
}
