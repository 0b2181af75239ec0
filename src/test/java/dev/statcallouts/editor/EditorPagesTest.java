package dev.statcallouts.editor;

import static dev.statcallouts.testsupport.EditorSignIn.admin;
import static dev.statcallouts.testsupport.EditorSignIn.editor;
import static dev.statcallouts.testsupport.EditorSignIn.signIn;
import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.rowCounts;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn;
import dev.statcallouts.testsupport.EditorSignIn.Session;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The editors' pages over HTTP: who may do what, CSRF, validation in the API's words, conflicts, writes. */
@QuarkusTest
class EditorPagesTest {

    /** A valid figure as the form posts it. */
    static Map<String, String> form(String slug) {
        return new HashMap<>(Map.ofEntries(
                Map.entry("slug", slug),
                Map.entry("value", "65"),
                Map.entry("display.kind", "percent"),
                Map.entry("display.notation", "compact"),
                Map.entry("label", "of organizations use generative AI"),
                Map.entry("locale", "en"),
                Map.entry("sources[0].name", "McKinsey & Company"),
                Map.entry("sources[0].url", "https://www.mckinsey.com/the-state-of-ai"),
                Map.entry("tags", "ai, survey"),
                Map.entry("status", "published"),
                // Saved over a published figure it changes the value: a correction (ignored on create).
                Map.entry("change", "correction"),
                Map.entry("note", "first")));
    }

    @Test
    void everyPageNeedsASession() {
        String slug = slug("anon");
        create(figure(slug));
        for (String path : List.of(
                "/editor/new-figure",
                "/editor/figures/" + slug,
                "/editor/figures/" + slug + "/edit",
                "/editor/figures/" + slug + "/card",
                "/editor/figures/" + slug + "/usage.svg",
                "/editor/collections",
                "/editor/transfer",
                "/editor/export.csv",
                "/editor/export.json",
                "/editor/admin")) {
            given().redirects()
                    .follow(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith("/editor/login"));
        }
        Map<String, Long> before = rowCounts();
        given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParams(form(slug("anon")))
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(303);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void createdFromTheFormAndReadableThroughTheApi() {
        Session session = editor();
        String slug = slug("form");
        session.form()
                .formParams(form(slug))
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/figures/" + slug + "?notice=created"));
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", Matchers.equalTo("65%"))
                .body("sources[0].name", Matchers.equalTo("McKinsey & Company"))
                .body("tags", Matchers.contains("ai", "survey"));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug + "/revisions")
                .then()
                .statusCode(200)
                .body("items[0].note", Matchers.equalTo("first"))
                .body("items[0].editor", Matchers.startsWith("ed-"));
        session.page()
                .when()
                .get("/editor/figures/" + slug + "?notice=created")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .body(containsString("Created as revision 1."), containsString("data-stat=&quot;" + slug + "&quot;"));
    }

    @Test
    void theValueIsReadAsEditorsWriteItInTheFiguresLanguage() {
        Session session = editor();
        String slug = slug("typed");
        Map<String, String> form = form(slug);
        form.put("value", "4,1 Billionen");
        form.put("display.kind", "currency");
        form.put("display.currency", "EUR");
        form.put("locale", "de");
        session.form().formParams(form).when().post("/editor/new-figure").then().statusCode(303);
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("value", Matchers.equalTo("4100000000000"));

        Map<String, String> ambiguous = form(slug("typed-ambiguous"));
        ambiguous.put("value", "4,1");
        Map<String, Long> before = rowCounts();
        session.form()
                .formParams(ambiguous)
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(422)
                .body(containsString("could be read two ways"), containsString("value=\"4,1\""));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void translationsAreWrittenBesideTheOriginalAndKeptByEveryEdit() {
        Session session = editor();
        String slug = slug("form-ja");
        Map<String, String> form = form(slug);
        form.put("translations[ja].label", "生成AIを利用する組織の割合");
        form.put("translations[ja].sourceNames", "マッキンゼー");
        form.put("translations[de].label", "");
        session.form().formParams(form).when().post("/editor/new-figure").then().statusCode(303);
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .body("translations.ja.label", Matchers.equalTo("生成AIを利用する組織の割合"))
                .body("translations.ja.sourceNames", Matchers.contains("マッキンゼー"))
                .body("translations.de", Matchers.nullValue());
        String edit = session.html("/editor/figures/" + slug + "/edit");
        assertThat(edit)
                .contains(
                        "name=\"translations[ja].label\" value=\"生成AIを利用する組織の割合\"",
                        "name=\"translations[de].label\" value=\"\"",
                        "日本語 (ja)",
                        // The row of the figure's own language is there, hidden, for a change of language.
                        "<fieldset class=\"translation\" lang=\"en\" hidden>");
        // Its own language cannot also be a translation.
        Map<String, String> own = form(slug("form-own"));
        own.put("translations[ja].label", "ラベル");
        own.put("locale", "ja");
        session.form()
                .formParams(own)
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(422)
                .body(containsString("Words in ja: is the figure&#39;s own language"));
    }

    @Test
    void theListFindsFiguresWithoutWordsInALanguage() {
        Session session = editor();
        String tag = slug("lang-filter");
        String translated = slug("has-ja");
        String english = slug("no-ja");
        create(figure(translated, tag));
        Map<String, Object> onlyEnglish = figure(english, tag);
        onlyEnglish.put("translations", Map.of());
        create(onlyEnglish);
        String lacksJapanese = session.html("/editor?tag=" + tag + "&lacks=ja");
        assertThat(lacksJapanese)
                .contains("/editor/figures/" + english + "\"", "1 figures", "<option value=\"ja\" selected>")
                .doesNotContain("/editor/figures/" + translated + "\"");
        assertThat(session.html("/editor?tag=" + tag + "&lacks=en")).contains("0 figures");
        assertThat(session.html("/editor?tag=" + tag)).contains("2 figures", "<td>en, ja</td>", "<td>en</td>");
    }

    @Test
    void invalidFieldsAreRefusedInTheApisWordsWithWhatWasTypedKept() {
        Session session = editor();
        Map<String, String> form = form(slug("bad"));
        form.put("value", "sixty-five");
        form.put("label", " ");
        form.put("display.kind", "currency");
        form.put("sources[0].url", "javascript:alert(1)");
        form.put("asOf", "yesterday");
        Map<String, Long> before = rowCounts();
        String page = session.form()
                .formParams(form)
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(422)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(page)
                .contains(
                        "Value: “sixty-five” is not a number",
                        "Label: must not be blank",
                        "Currency: is required when kind is currency",
                        "Source 1, link: must be an absolute http or https URL",
                        "As of: must be a date such as 2024-04-02",
                        "value=\"sixty-five\"",
                        "value=\"javascript:alert(1)\"",
                        "aria-invalid=\"true\"");
        assertThat(rowCounts()).isEqualTo(before);

        // The API says the same about the same input.
        Map<String, Object> api = figure(slug("bad-api"));
        api.put("label", " ");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .body(api)
                .when()
                .post("/api/stats")
                .then()
                .statusCode(422)
                .body("errors.find { it.field == 'label' }.message", Matchers.equalTo("must not be blank"));
    }

    @Test
    void aTakenSlugIsShownOnTheForm() {
        Session session = editor();
        String slug = slug("taken");
        create(figure(slug));
        session.form()
                .formParams(form(slug))
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(409)
                .body(containsString("A figure with slug &#39;" + slug + "&#39; already exists."));
    }

    @Test
    void formsWithoutTheSessionsCsrfTokenChangeNothing() {
        Session session = editor();
        String slug = slug("csrf");
        String etag = create(figure(slug)).replace("\"", "");
        createCollection(slug("csrf-c"), List.of(slug));
        Map<String, Long> before = rowCounts();
        Map<String, String> posts = Map.of(
                "/editor/new-figure",
                "",
                "/editor/figures/" + slug + "/edit",
                "",
                "/editor/figures/" + slug + "/restore",
                "revision=1",
                "/editor/figures/" + slug + "/retract",
                "reason=x",
                "/editor/collections",
                "title=t&first=" + slug,
                "/editor/preview",
                "");
        posts.forEach((path, extra) -> given().redirects()
                .follow(false)
                .cookie("sc_session", session.cookie())
                .contentType("application/x-www-form-urlencoded")
                .body("csrf=forged&etag=" + etag + "&" + extra)
                .when()
                .post(path)
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("This form has expired")));
        given().redirects()
                .follow(false)
                .cookie("sc_session", session.cookie())
                .multiPart("csrf", "forged")
                .multiPart("csv", "slug,value\nx,1\n")
                .multiPart("mode", "import")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(403);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aStaleSaveIsRefusedWithTheFormKeptAndTheirChangesNamed() {
        Session session = editor();
        String slug = slug("stale");
        Map<String, Object> figure = figure(slug);
        String etag = create(figure).replace("\"", "");
        figure.put("label", "their label");
        update(figure);
        Map<String, Long> before = rowCounts();
        Map<String, String> mine = form(slug);
        mine.put("label", "my label");
        mine.put("etag", etag);
        mine.put("baseRevision", "1");
        String page = session.form()
                .formParams(mine)
                .when()
                .post("/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertThat(page)
                .contains(
                        "while you were editing",
                        "cumulative investment in Rapidus",
                        "their label",
                        "value=\"my label\"");
        assertThat(rowCounts()).isEqualTo(before);
        Matcher newEtag = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"").matcher(page);
        assertThat(newEtag.find()).isTrue();
        mine.put("etag", newEtag.group(1));
        session.form()
                .formParams(mine)
                .when()
                .post("/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(303);
        given().when().get("/api/stats/" + slug).then().body("label", Matchers.equalTo("my label"));
    }

    @Test
    void aSaveAfterTheSessionEndedKeepsEverythingTyped() {
        String username = createEditor();
        Session first = signIn(username);
        String slug = slug("expired");
        String etag = create(figure(slug)).replace("\"", "");
        Map<String, String> mine = form(slug);
        mine.put("label", "typed before lunch");
        mine.put("etag", etag);
        mine.put("baseRevision", "1");
        mine.put("csrf", first.csrf());
        first.form().when().post("/editor/logout").then().statusCode(303); // as if the session had expired
        Map<String, Long> before = rowCounts();

        String signedOut = post(first.cookie(), "same-origin", mine, "/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        assertThat(signedOut)
                .contains("you were signed out", "value=\"typed before lunch\"", "href=\"/editor/login\"")
                .doesNotContain("Sign out");
        assertThat(post(first.cookie(), "same-origin", mine, "/editor/preview")
                        .then()
                        .statusCode(200)
                        .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                        .extract()
                        .asString())
                .contains("You were signed out, so the preview stopped.");
        // Without the browser's word that the post came from our page, it is the usual refusal.
        post(first.cookie(), null, mine, "/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/login"));

        assertThat(rowCounts()).isEqualTo(before);

        // Signed in again (a new session): the old form's token is not accepted, but the form comes
        // back with everything typed and the new session's token, so saving again saves.
        Session second = signIn(username);
        before = rowCounts();
        String again = post(second.cookie(), "same-origin", mine, "/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(403)
                .extract()
                .asString();
        assertThat(again)
                .contains(
                        "opened before you last signed in",
                        "value=\"typed before lunch\"",
                        "name=\"csrf\" value=\"" + second.csrf() + "\"");
        // A post from another site never gets its values shown back.
        assertThat(post(second.cookie(), "cross-site", mine, "/editor/figures/" + slug + "/edit")
                        .then()
                        .statusCode(403)
                        .extract()
                        .asString())
                .contains("This form has expired")
                .doesNotContain("typed before lunch");
        assertThat(rowCounts()).isEqualTo(before);

        mine.put("csrf", second.csrf());
        post(second.cookie(), "same-origin", mine, "/editor/figures/" + slug + "/edit")
                .then()
                .statusCode(303);
        given().when().get("/api/stats/" + slug).then().body("label", Matchers.equalTo("typed before lunch"));
    }

    private static Response post(String cookie, String fetchSite, Map<String, String> form, String path) {
        RequestSpecification request = given().redirects()
                .follow(false)
                .cookie("sc_session", cookie)
                .contentType("application/x-www-form-urlencoded")
                .formParams(form);
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return request.when().post(path);
    }

    @Test
    void thePreviewRendersTheUnsavedCardAndWritesNothing() {
        Session session = editor();
        Map<String, Long> before = rowCounts();
        Map<String, String> form = form("");
        form.put("previewLang", "de");
        form.put("previewTheme", "dark");
        session.form()
                .formParams(form)
                .when()
                .post("/editor/preview")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(
                        // The form carries no German words, so the card stays wholly in the figure's English.
                        containsString("<html lang=\"en\">"),
                        containsString("65"),
                        containsString("t-dark"),
                        not(containsString("frame-ancestors *")));
        form.put("label", "");
        session.form()
                .formParams(form)
                .when()
                .post("/editor/preview")
                .then()
                .statusCode(200)
                .body(containsString("data-field=\"label\""), containsString("must not be blank"));
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void restoreAndRetractWriteRevisions() {
        Session session = editor();
        String slug = slug("restore");
        Map<String, Object> figure = figure(slug);
        create(figure);
        figure.put("value", "1");
        update(figure);
        String page = session.html("/editor/figures/" + slug);
        assertThat(page).contains("920000000000</del> → <ins>1</ins>");
        Matcher etag = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"").matcher(page);
        assertThat(etag.find()).isTrue();
        session.form()
                .formParam("etag", "stale.0")
                .formParam("revision", "1")
                .when()
                .post("/editor/figures/" + slug + "/restore")
                .then()
                .statusCode(409)
                .body(containsString(
                        "<p class=\"error\" role=\"alert\" id=\"error\">Not restored: someone else saved"));
        session.form()
                .formParam("etag", etag.group(1))
                .formParam("revision", "1")
                .when()
                .post("/editor/figures/" + slug + "/restore")
                .then()
                .statusCode(303);
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .body("value", Matchers.equalTo("920000000000"))
                .body("revision", Matchers.equalTo(3));
        String now = session.page()
                .when()
                .get("/editor/figures/" + slug)
                .then()
                .extract()
                .asString();
        Matcher etag3 = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"").matcher(now);
        assertThat(etag3.find()).isTrue();
        session.form()
                .formParam("etag", etag3.group(1))
                .formParam("revision", "1")
                .when()
                .post("/editor/figures/" + slug + "/restore")
                .then()
                .statusCode(303)
                .header("Location", endsWith("notice=unchanged"));
        given().when().get("/api/stats/" + slug).then().body("revision", Matchers.equalTo(3));
        session.form()
                .formParam("etag", etag3.group(1))
                .formParam("reason", " ")
                .when()
                .post("/editor/figures/" + slug + "/retract")
                .then()
                .statusCode(422)
                .body(containsString("reason: must not be blank"));
        session.form()
                .formParam("etag", etag3.group(1))
                .formParam("reason", "Withdrawn by the source")
                .when()
                .post("/editor/figures/" + slug + "/retract")
                .then()
                .statusCode(303);
        given().when().get("/api/stats/" + slug).then().body("status", Matchers.equalTo("retracted"));
        // Editing it later keeps the retraction unless the status is changed, and so does its preview.
        Map<String, String> edit = form(slug);
        edit.put("status", "");
        session.form()
                .formParams(edit)
                .when()
                .post("/editor/preview")
                .then()
                .statusCode(200)
                .body(containsString("Withdrawn by the source"));
    }

    @Test
    void refusalsOfEditorPagesArePagesNotProblemDocuments() {
        Session session = editor();
        session.page()
                .when()
                .get("/editor/figures/no-such-figure")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("No figure with slug"));
        session.page()
                .when()
                .get("/editor/figures/Not_A_Slug")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("There is no such page"));
        session.page()
                .when()
                .get("/editor/figures/no-such-figure/card?theme=purple")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("theme: must be light, dark or auto"));
        session.page()
                .contentType("application/json")
                .body("{}")
                .when()
                .post("/editor/new-figure")
                .then()
                .statusCode(415)
                .contentType(containsString("text/html"));
        // The API keeps answering in problem documents.
        given().when()
                .get("/api/stats/no-such-figure")
                .then()
                .statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void collectionsAreBuiltFromForms() {
        Session session = editor();
        String a = slug("col-a");
        String b = slug("col-b");
        create(figure(a));
        create(figure(b));
        String slug = slug("col");
        session.form()
                .formParam("title", "AI by the numbers")
                .formParam("slug", slug)
                .formParam("first", a)
                .when()
                .post("/editor/collections")
                .then()
                .statusCode(303);
        String etag = etagOf(session.html("/editor/collections/" + slug));
        session.form()
                .formParam("etag", etag)
                .formParam("figure", b)
                .when()
                .post("/editor/collections/" + slug + "/add")
                .then()
                .statusCode(303);
        etag = etagOf(session.page()
                .when()
                .get("/editor/collections/" + slug)
                .then()
                .extract()
                .asString());
        session.form()
                .formParam("etag", etag)
                .formParam("figure", b)
                .formParam("action", "up")
                .when()
                .post("/editor/collections/" + slug + "/move")
                .then()
                .statusCode(303);
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/collections/" + slug)
                .then()
                .body("stats.slug", Matchers.contains(b, a))
                .body("status", Matchers.equalTo("draft"));
        // A stale etag, an unknown figure and removing the last figure are refused on the page.
        session.form()
                .formParam("etag", etag)
                .formParam("figure", a)
                .formParam("action", "remove")
                .when()
                .post("/editor/collections/" + slug + "/move")
                .then()
                .statusCode(409);
        etag = etagOf(session.page()
                .when()
                .get("/editor/collections/" + slug)
                .then()
                .extract()
                .asString());
        session.form()
                .formParam("etag", etag)
                .formParam("figure", "no-such-figure")
                .when()
                .post("/editor/collections/" + slug + "/add")
                .then()
                .statusCode(422)
                .body(containsString("no figure with slug"));
        session.form()
                .formParam("etag", etag)
                .formParam("figure", a)
                .formParam("action", "remove")
                .when()
                .post("/editor/collections/" + slug + "/move")
                .then()
                .statusCode(303);
        etag = etagOf(session.page()
                .when()
                .get("/editor/collections/" + slug)
                .then()
                .extract()
                .asString());
        session.form()
                .formParam("etag", etag)
                .formParam("figure", b)
                .formParam("action", "remove")
                .when()
                .post("/editor/collections/" + slug + "/move")
                .then()
                .statusCode(422)
                .body(containsString("Figures: must not be empty"));
        session.form()
                .formParam("etag", etag)
                .formParam("title", "AI, counted")
                .formParam("status", "published")
                .when()
                .post("/editor/collections/" + slug + "/details")
                .then()
                .statusCode(303);
        given().when().get("/embed/c/" + slug).then().statusCode(200).body(containsString("AI, counted"));
        session.page()
                .when()
                .get("/editor/collections/" + slug + "/card")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"));
        etag = etagOf(session.page()
                .when()
                .get("/editor/collections/" + slug)
                .then()
                .extract()
                .asString());
        session.form()
                .formParam("etag", etag)
                .when()
                .post("/editor/collections/" + slug + "/delete")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/collections?notice=deleted"));
        given().when().get("/embed/c/" + slug).then().statusCode(404);
        given().when().get("/api/stats/" + a).then().statusCode(200);
    }

    @Test
    void csvImportChecksEveryRowFirstAndExportRoundTrips() {
        Session session = editor();
        String good = slug("csv-good");
        String bad = slug("csv-bad");
        String csv = "slug,value,kind,label,source_name,source_url,status\n"
                + good + ",65,percent,use generative AI,McKinsey,https://www.mckinsey.com/ai,published\n"
                + bad + ",lots,percent,,McKinsey,https://www.mckinsey.com/ai,published\n";
        Map<String, Long> before = rowCounts();
        String report = session.page()
                .multiPart("csrf", session.csrf())
                .multiPart("csv", csv)
                .multiPart("mode", "import")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertThat(report)
                .contains(
                        // Two problems, both in the one bad row of the two.
                        "2 problems in 1 of 2 rows: nothing was written",
                        "<td>3</td><td>label</td><td>must not be blank</td>",
                        "<td>3</td><td>value</td><td>must be a decimal number</td>");
        assertThat(rowCounts()).isEqualTo(before);

        String fixed = csv.replace(bad + ",lots,percent,,", bad + ",12,percent,say so,");
        session.page()
                .multiPart("csrf", session.csrf())
                .multiPart("csv", fixed)
                .multiPart("mode", "check")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(200)
                .body(containsString("All 2 rows are valid"));
        assertThat(rowCounts()).isEqualTo(before);
        session.page()
                .multiPart("csrf", session.csrf())
                .multiPart("file", "figures.csv", fixed.getBytes(), "text/csv")
                .multiPart("mode", "import")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(200)
                .body(containsString("Imported 2 figures"), containsString("/editor/figures/" + good));
        session.page()
                .multiPart("csrf", session.csrf())
                .multiPart("file", "latin1.csv", new byte[] {'s', ',', (byte) 0xE9, '\n'}, "text/csv")
                .multiPart("mode", "check")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(400)
                .body(containsString("is not UTF-8 text"));

        // A paste far larger than a form field's default 2 KB, and larger than a JSON body may be.
        StringBuilder many = new StringBuilder("slug,value,kind,label,source_name,source_url\n");
        for (int i = 0; i < 800; i++) {
            many.append(slug("bulk"))
                    .append(",")
                    .append(i + 1)
                    .append(",count,figures in a long paste,Statistics Bureau,https://www.stat.go.jp/english/data\n");
        }
        assertThat(many.length()).isGreaterThan(64 * 1024);
        session.page()
                .multiPart("csrf", session.csrf())
                .multiPart("csv", many.toString())
                .multiPart("mode", "check")
                .when()
                .post("/editor/transfer")
                .then()
                .statusCode(200)
                .body(containsString("All 800 rows are valid"));

        session.page()
                .when()
                .get("/editor/export.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString(good + ",65,percent"));
        session.page()
                .when()
                .get("/editor/export.json")
                .then()
                .statusCode(200)
                .body("find { it.slug == '" + bad + "' }.label", Matchers.equalTo("say so"));
    }

    @Test
    void onlyAdminsManageEditorsAndTokens() {
        Session editor = editor();
        Map<String, Long> before = rowCounts();
        editor.page().when().get("/editor/admin").then().statusCode(403).body(containsString("Only admins"));
        editor.form()
                .formParam("name", "sneaky")
                .formParam("editor", "me")
                .formParam("role", "admin")
                .when()
                .post("/editor/admin/tokens")
                .then()
                .statusCode(403);
        editor.form()
                .formParam("username", slug("sneaky"))
                .formParam("displayName", "S")
                .formParam("role", "admin")
                .formParam("password", "long enough password")
                .when()
                .post("/editor/admin/editors")
                .then()
                .statusCode(403);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(editor.page().when().get("/editor").then().extract().asString())
                .doesNotContain("/editor/admin");

        Session admin = admin();
        assertThat(admin.page().when().get("/editor").then().extract().asString())
                .contains("href=\"/editor/admin\"");
        String issued = admin.form()
                .formParam("name", "cms-integration")
                .formParam("editor", "cms@newsroom.example")
                .formParam("role", "editor")
                .when()
                .post("/editor/admin/tokens")
                .then()
                .statusCode(200)
                .body(containsString("shown only this once"))
                .extract()
                .asString();
        Matcher secret =
                Pattern.compile("id=\"secret\" readonly value=\"([^\"]+)\"").matcher(issued);
        assertThat(secret.find()).isTrue();
        given().auth()
                .oauth2(secret.group(1))
                .when()
                .get("/api/stats/export.csv")
                .then()
                .statusCode(200);
        Matcher id = Pattern.compile("/editor/admin/tokens/(\\d+)/revoke").matcher(issued);
        assertThat(id.find()).isTrue();
        admin.form()
                .when()
                .post("/editor/admin/tokens/" + id.group(1) + "/revoke")
                .then()
                .statusCode(303);
        given().auth()
                .oauth2(secret.group(1))
                .when()
                .get("/api/stats/export.csv")
                .then()
                .statusCode(403);

        admin.form()
                .formParam("name", "")
                .formParam("editor", "x")
                .formParam("role", "root")
                .when()
                .post("/editor/admin/tokens")
                .then()
                .statusCode(422)
                .body(
                        containsString("name: must not be blank"),
                        containsString("role: must be reader, editor or admin"));
        String newEditor = slug("new-ed");
        admin.form()
                .formParam("username", newEditor)
                .formParam("displayName", "New Editor")
                .formParam("role", "editor")
                .formParam("password", "short")
                .when()
                .post("/editor/admin/editors")
                .then()
                .statusCode(422)
                .body(
                        containsString("password: must be 12 to 200 characters"),
                        containsString("value=\"" + newEditor + "\""));
        admin.form()
                .formParam("username", newEditor)
                .formParam("displayName", "New Editor")
                .formParam("role", "editor")
                .formParam("password", "a long enough password")
                .when()
                .post("/editor/admin/editors")
                .then()
                .statusCode(303);
        EditorSignIn.signIn(newEditor, "a long enough password").then().statusCode(303);
        admin.form()
                .formParam("username", newEditor)
                .formParam("displayName", "Again")
                .formParam("role", "editor")
                .formParam("password", "a long enough password")
                .when()
                .post("/editor/admin/editors")
                .then()
                .statusCode(409);
    }

    @Test
    void aNeverPublishedDraftIsDeletedByItsAuthorNotRetracted() {
        Session author = editor();
        String slug = slug("ui-draft");
        Map<String, String> draft = form(slug);
        draft.put("status", "draft");
        author.form().formParams(draft).when().post("/editor/new-figure").then().statusCode(303);
        Session other = editor();
        assertThat(other.html("/editor/figures/" + slug))
                .contains("Only an admin or the editor who created it may delete it")
                .doesNotContain("/editor/figures/" + slug + "/delete", "/editor/figures/" + slug + "/retract");
        String page = author.html("/editor/figures/" + slug);
        assertThat(page)
                .contains("action=\"/editor/figures/" + slug + "/delete\"", "Delete draft")
                .doesNotContain("/editor/figures/" + slug + "/retract");
        Matcher etag = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"").matcher(page);
        assertThat(etag.find()).isTrue();

        Map<String, Long> before = rowCounts();
        other.form()
                .formParam("etag", etag.group(1))
                .when()
                .post("/editor/figures/" + slug + "/delete")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"));
        assertThat(rowCounts()).isEqualTo(before);
        author.form()
                .formParam("etag", etag.group(1))
                .when()
                .post("/editor/figures/" + slug + "/delete")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor?notice=deleted"));
        author.page()
                .when()
                .get("/editor?notice=deleted")
                .then()
                .statusCode(200)
                .body(containsString("Draft deleted, with its history."));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(404);

        String published = slug("ui-published");
        create(figure(published));
        assertThat(author.html("/editor/figures/" + published))
                .contains("/editor/figures/" + published + "/retract")
                .doesNotContain("Delete draft");
    }

    @Test
    void adminsLiftTheDelaysOnAnEditorsSignIns() {
        String username = createEditor();
        String address = EditorSignIn.freshAddress();
        for (int i = 0; i < 5; i++) {
            EditorSignIn.signIn(username, "wrong password " + i, address);
        }
        EditorSignIn.signIn(username, EDITOR_PASSWORD, address).then().statusCode(429);
        Session admin = admin();
        assertThat(admin.page().when().get("/editor/admin").then().extract().asString())
                .contains("/editor/admin/editors/" + username + "/unlock");
        admin.form()
                .when()
                .post("/editor/admin/editors/" + username + "/unlock")
                .then()
                .statusCode(303);
        EditorSignIn.signIn(username, EDITOR_PASSWORD, address).then().statusCode(303);
    }

    @Test
    void editorsChangeTheirOwnPasswordAndTheirOtherSessionsEnd() {
        String username = createEditor();
        Session mine = signIn(username);
        Session elsewhere = signIn(username);
        String fresh = "a brand new passphrase";
        mine.form()
                .formParam("current", "not my password")
                .formParam("password", fresh)
                .formParam("confirm", fresh)
                .when()
                .post("/editor/account")
                .then()
                .statusCode(422)
                .body(containsString("current password: is wrong"));
        mine.form()
                .formParam("current", EDITOR_PASSWORD)
                .formParam("password", "short")
                .formParam("confirm", "short")
                .when()
                .post("/editor/account")
                .then()
                .statusCode(422)
                .body(containsString("new password: must be 12 to 200 characters"));
        mine.form()
                .formParam("current", EDITOR_PASSWORD)
                .formParam("password", fresh)
                .formParam("confirm", fresh + "!")
                .when()
                .post("/editor/account")
                .then()
                .statusCode(422)
                .body(containsString("confirm: does not match the new password"));
        given().redirects()
                .follow(false)
                .cookie("sc_session", mine.cookie())
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "forged")
                .formParam("current", EDITOR_PASSWORD)
                .formParam("password", fresh)
                .formParam("confirm", fresh)
                .when()
                .post("/editor/account")
                .then()
                .statusCode(403);
        EditorSignIn.signIn(username, EDITOR_PASSWORD).then().statusCode(303); // nothing changed yet

        mine.form()
                .formParam("current", EDITOR_PASSWORD)
                .formParam("password", fresh)
                .formParam("confirm", fresh)
                .when()
                .post("/editor/account")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/editor/account?notice=changed"));
        mine.page()
                .when()
                .get("/editor/account?notice=changed")
                .then()
                .statusCode(200)
                .body(containsString("Password changed."));
        elsewhere.page().when().get("/editor").then().statusCode(303).header("Location", endsWith("/editor/login"));
        EditorSignIn.signIn(username, EDITOR_PASSWORD).then().statusCode(401);
        EditorSignIn.signIn(username, fresh).then().statusCode(303);
    }

    @Test
    void adminsRemoveEditorsButNotThemselves() {
        String username = createEditor();
        Session editor = signIn(username);
        Session admin = admin();
        String adminName = given().cookie("sc_session", admin.cookie())
                .when()
                .get("/editor/admin")
                .then()
                .extract()
                .asString();
        assertThat(adminName).contains("/editor/admin/editors/" + username + "/remove");
        admin.form()
                .when()
                .post("/editor/admin/editors/" + username + "/remove")
                .then()
                .statusCode(303);
        editor.page().when().get("/editor").then().statusCode(303).header("Location", endsWith("/editor/login"));
        EditorSignIn.signIn(username, EDITOR_PASSWORD).then().statusCode(401);
        admin.form()
                .when()
                .post("/editor/admin/editors/no-such-editor/remove")
                .then()
                .statusCode(404);
        Matcher self = Pattern.compile("Jane (adm-[0-9a-f]{8})").matcher(adminName);
        assertThat(self.find()).isTrue();
        admin.form()
                .when()
                .post("/editor/admin/editors/" + self.group(1) + "/remove")
                .then()
                .statusCode(409)
                .body(containsString("You cannot remove your own account."));
    }

    private static String etagOf(String page) {
        Matcher m = Pattern.compile("name=\"etag\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
