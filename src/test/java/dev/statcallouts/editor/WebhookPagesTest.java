package dev.statcallouts.editor;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn;
import dev.statcallouts.testsupport.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;

/** Admins register an endpoint in the web UI, see what was sent to it, and send a delivery again. */
@QuarkusTest
class WebhookPagesTest {

    @Test
    void anAdminRegistersAnEndpointReadsItsDeliveriesAndSendsOneAgain() throws Exception {
        EditorSignIn.Session admin = EditorSignIn.admin();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String page = admin.form()
                    .formParam("url", receiver.url("/from-the-editor"))
                    .formParam("description", "CMS")
                    .formParam("events[]", "stat.published")
                    .when()
                    .post("/editor/admin/webhooks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            Matcher secret = Pattern.compile("id=\"secret\" readonly value=\"(whsec_[^\"]+)\"")
                    .matcher(page);
            assertThat(secret.find()).as("the secret, shown once").isTrue();
            Matcher id =
                    Pattern.compile("/editor/admin/webhooks\\?endpoint=(\\d+)").matcher(page);
            assertThat(id.find()).isTrue();
            String endpoint = id.group(1);
            try {
                String slug = slug("from-editor");
                create(figure(slug));
                WebhookReceiver.Received received = receiver.next(10);
                assertThat(received).isNotNull();
                assertThat(received.signedWith(secret.group(1))).isTrue();

                String log = await().atMost(Duration.ofSeconds(5))
                        .until(
                                () -> admin.html("/editor/admin/webhooks?endpoint=" + endpoint),
                                html -> html.contains("stat:" + slug) && html.contains("<td>delivered</td>"));
                Matcher resend = Pattern.compile(
                                "action=\"(/editor/admin/webhooks/" + endpoint + "/deliveries/\\d+/resend)\"")
                        .matcher(log);
                assertThat(resend.find()).isTrue();
                admin.form().when().post(resend.group(1)).then().statusCode(303);
                WebhookReceiver.Received again = receiver.next(10);
                assertThat(again).isNotNull();
                assertThat(again.headers().get("webhook-id"))
                        .isEqualTo(received.headers().get("webhook-id"));

                admin.form()
                        .formParam("enabled", "false")
                        .when()
                        .post("/editor/admin/webhooks/" + endpoint + "/enabled")
                        .then()
                        .statusCode(303);
                assertThat(admin.html("/editor/admin/webhooks")).contains("disabled");
            } finally {
                given().auth().oauth2(ADMIN_TOKEN).header("If-Match", "*").delete("/api/webhooks/" + endpoint);
            }
        }
    }

    @Test
    void aRefusedEndpointKeepsWhatWasTypedAndEditorsAreNotAdmins() {
        EditorSignIn.Session admin = EditorSignIn.admin();
        String page = admin.form()
                .formParam("url", "ftp://example.com/hook")
                .formParam("events[]", "stat.corrected")
                .when()
                .post("/editor/admin/webhooks")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(page).contains("id=\"webhook-error\"").contains("value=\"ftp://example.com/hook\"");
        EditorSignIn.editor().page().when().get("/editor/admin/webhooks").then().statusCode(403);
    }
}
