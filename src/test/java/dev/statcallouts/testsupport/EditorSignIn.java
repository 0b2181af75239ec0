package dev.statcallouts.testsupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Signing in to the editors' pages over HTTP, as a browser would. */
public final class EditorSignIn {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    private EditorSignIn() {}

    /** The login form's CSRF token and its cookie. */
    public static String[] loginForm() {
        Response form = given().redirects().follow(false).when().get("/editor/login");
        form.then().statusCode(200);
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.asString());
        assertThat(m.find()).isTrue();
        return new String[] {m.group(1), form.getCookie("sc_login_csrf")};
    }

    public static Response signIn(String username, String password) {
        return signIn(username, password, "127.0.0.1");
    }

    /** A sign-in from a client address (the test profile honours X-Forwarded-For, as behind a proxy). */
    public static Response signIn(String username, String password, String address) {
        String[] csrf = loginForm();
        return given().redirects()
                .follow(false)
                .cookie("sc_login_csrf", csrf[1])
                .contentType("application/x-www-form-urlencoded")
                .header("X-Forwarded-For", address)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("csrf", csrf[0])
                .when()
                .post("/editor/login");
    }

    /** A signed-in browser: its session cookie and the session's CSRF token. */
    public record Session(String cookie, String csrf) {

        public RequestSpecification page() {
            return given().redirects().follow(false).cookie("sc_session", cookie);
        }

        /** An editor page that must answer 200, as HTML. */
        public String html(String path) {
            return page().when().get(path).then().statusCode(200).extract().asString();
        }

        public RequestSpecification form() {
            // UTF-8, as browsers send forms (REST Assured would otherwise encode in ISO-8859-1).
            return page().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("csrf", csrf);
        }
    }

    /** Signs in as this editor (password {@link TestData#EDITOR_PASSWORD}) and reads the session's CSRF token. */
    public static Session signIn(String username) {
        String session = signIn(username, TestData.EDITOR_PASSWORD)
                .then()
                .statusCode(303)
                .extract()
                .cookie("sc_session");
        String page = given().cookie("sc_session", session)
                .when()
                .get("/editor")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return new Session(session, m.group(1));
    }

    /** A new editor, signed in. */
    public static Session editor() {
        return signIn(TestData.createEditor());
    }

    /** A new admin, signed in. */
    public static Session admin() {
        return signIn(TestData.createEditor("admin"));
    }

    /** A client address no other test has used (sign-in delays are per address). */
    public static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }
}
