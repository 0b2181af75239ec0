package dev.statcallouts.editor;

import static dev.statcallouts.TestData.ADMIN_TOKEN;
import static dev.statcallouts.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.TestData.create;
import static dev.statcallouts.TestData.createEditor;
import static dev.statcallouts.TestData.figure;
import static dev.statcallouts.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.sql.DriverManager;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class EditorAuthTest {

    static final String PASSWORD = EDITOR_PASSWORD;

    static String editor() {
        return createEditor();
    }

    /** The login form's CSRF token and its cookie. */
    static String[] loginForm() {
        Response form = given().redirects().follow(false).when().get("/editor/login");
        form.then().statusCode(200);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(m.find()).isTrue();
        return new String[] { m.group(1), form.getCookie("sc_login_csrf") };
    }

    static Response signIn(String username, String password) {
        String[] csrf = loginForm();
        return given().redirects().follow(false).cookie("sc_login_csrf", csrf[1]).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).formParam("csrf", csrf[0])
                .when().post("/editor/login");
    }

    @Test
    void signInSetsAStrictHttpOnlySecureCookieAndShowsTheFigures() {
        String username = editor();
        String slug = slug("ui");
        create(figure(slug));
        Response signedIn = signIn(username, PASSWORD);
        signedIn.then().statusCode(303).header("Location", endsWith("/editor"));
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("sc_session="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/editor");
        String session = signedIn.getCookie("sc_session");
        given().cookie("sc_session", session).when().get("/editor")
                .then().statusCode(200).body(containsString("Jane " + username))
                .body(containsString("¥920 billion")).header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store");
        given().cookie("sc_session", session).queryParam("q", "no-such-words-anywhere-zzqx").when().get("/editor")
                .then().statusCode(200).body(containsString("0 figures"));
    }

    @Test
    void withoutASessionTheEditorRedirectsToSignIn() {
        given().redirects().follow(false).when().get("/editor").then().statusCode(303)
                .header("Location", endsWith("/editor/login"));
        given().redirects().follow(false).cookie("sc_session", "forged").when().get("/editor").then().statusCode(303);
        given().when().get("/editor/login").then().header("X-Frame-Options", "DENY");
    }

    @Test
    void wrongPasswordsAreRefusedAndLockTheAccount() {
        String username = editor();
        signIn(username, "wrong password!").then().statusCode(401).body(containsString("Wrong user name or password."));
        signIn("nobody-" + username, PASSWORD).then().statusCode(401);
        for (int i = 0; i < 3; i++) {
            signIn(username, "wrong password!").then().statusCode(401);
        }
        signIn(username, "wrong password!").then().statusCode(429).body(containsString("locked"));
        // Locked: even the right password is refused until the lock-out ends.
        signIn(username, PASSWORD).then().statusCode(429).header("Set-Cookie", not(containsString("sc_session=")));
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefused() {
        String username = editor();
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", PASSWORD).formParam("csrf", "guess")
                .when().post("/editor/login").then().statusCode(403);
        String session = signIn(username, PASSWORD).getCookie("sc_session");
        given().redirects().follow(false).cookie("sc_session", session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "guess").when().post("/editor/logout").then().statusCode(403);
        given().cookie("sc_session", session).when().get("/editor").then().statusCode(200);

        String page = given().cookie("sc_session", session).when().get("/editor").asString();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        given().redirects().follow(false).cookie("sc_session", session).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", m.group(1)).when().post("/editor/logout").then().statusCode(303)
                .header("Location", endsWith("/editor/login"));
        given().redirects().follow(false).cookie("sc_session", session).when().get("/editor").then().statusCode(303);
    }

    @Test
    void passwordsAreStoredAsBcryptAndAccountsNeedAnAdminToken() throws Exception {
        String username = editor();
        try (var db = DriverManager.getConnection(System.getProperty("test.db.url",
                "jdbc:postgresql://127.0.0.1:5432/statcallouts_test"), "postgres", "");
                var statement = db.prepareStatement("select password_hash from editor_account where username = ?")) {
            statement.setString(1, username);
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("$2a$12$").doesNotContain(PASSWORD);
            }
        }
        given().contentType("application/json").body(Map.of("username", "x" + username, "displayName", "X",
                "role", "editor", "password", PASSWORD)).when().post("/api/editors").then().statusCode(401);
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(Map.of("username", username,
                "displayName", "X", "role", "editor", "password", PASSWORD)).when().post("/api/editors").then().statusCode(409);
        given().auth().oauth2(ADMIN_TOKEN).contentType("application/json").body(Map.of("username", "y" + username,
                "displayName", "X", "role", "editor", "password", "short")).when().post("/api/editors")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("password"));
    }

    @Test
    void theConfiguredFirstAdminCanSignIn() {
        signIn("editor-admin", "test-editor-password-0123").then().statusCode(303);
    }
}
