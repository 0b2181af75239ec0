package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** Writing figures in the editors' UI in a real Chromium: preview, save, embed, conflicts, history. */
@QuarkusTest
class FigureEditorBrowserTest extends BrowserTestSupport {

    /** The editor each test is signed in as. */
    private String username;

    @BeforeEach
    void signIn() {
        username = createEditor();
        signInAs(username);
    }

    @Test
    void createWithLivePreviewThenCopyTheScriptAndSeeTheCardOnAPage() throws Exception {
        String slug = slug("made-in-ui");
        browser.driver.get(origin() + "/editor/new-figure");
        assertThat(browser.axeViolations()).as("axe on the new-figure form").isEmpty();

        type("f-value", "920000000000");
        // Only the fields the kind needs: no currency box for a percentage, no unit for money.
        new Select(field("f-kind")).selectByValue("percent");
        assertThat(field("f-currency").isDisplayed()).isFalse();
        assertThat(field("f-unit").isDisplayed()).isFalse();
        new Select(field("f-kind")).selectByValue("unit");
        assertThat(field("f-unit").isDisplayed()).isTrue();
        new Select(field("f-kind")).selectByValue("currency");
        assertThat(field("f-currency").isDisplayed()).isTrue();
        assertThat(field("f-unit").isDisplayed()).isFalse();
        type("f-currency", "JPY");
        type("f-label", "cumulative investment in Rapidus");
        type("f-source-0-name", "Reuters");
        type("f-source-0-url", "https://www.reuters.com/technology/rapidus");
        field("add-source").click(); // a third row; the empty second one is dropped on save
        type("f-source-2-name", "METI");
        type("f-source-2-url", "https://www.meti.go.jp/english/");
        type("f-slug", slug);
        new Select(field("f-status")).selectByValue("published");
        awaitPreview("¥920 billion", "cumulative investment in Rapidus", "Reuters");

        // Typed as a newsroom writes it; the form says the exact value it understood before saving.
        field("f-value").clear();
        type("f-value", "930 billion");
        awaitPreview("¥930 billion");
        await(d ->
                field("f-value-understood").getText().equals("Understood as 930,000,000,000 (exactly 930000000000)"));
        field("f-value").clear();
        type("f-value", "930,0");
        await(d -> field("e-f-value").getText().contains("could be read two ways"));
        field("f-value").clear();
        type("f-value", "930000000000");
        awaitPreview("¥930 billion");
        // No Japanese words typed yet: the card asked for in Japanese stays wholly English, never mixed.
        new Select(field("p-lang")).selectByValue("ja");
        awaitPreview("¥930 billion", "cumulative investment in Rapidus");
        awaitPreviewLanguage("en");
        // With Japanese words beside the original, the Japanese preview is wholly Japanese.
        type("f-tr-ja-label", "ラピダスへの累計投資額");
        type("f-tr-ja-sourceNames", "ロイター");
        awaitPreview("9300億円", "ラピダスへの累計投資額", "ロイター");
        awaitPreviewLanguage("ja");
        new Select(field("p-lang")).selectByValue("en");
        awaitPreview("¥930 billion", "cumulative investment in Rapidus");
        new Select(field("p-theme")).selectByValue("dark");
        await(d -> inPreview(() -> d.findElement(By.tagName("body")).getAttribute("class"))
                .equals("t-dark"));
        browser.driver.findElement(By.cssSelector("label[for=w-phone]")).click();
        assertThat(((Number) browser.js("return document.getElementById('preview').getBoundingClientRect().width"))
                        .intValue())
                .isEqualTo(360);

        // Inline validation while typing, in the API's words, next to the field.
        field("f-label").clear();
        type("f-label", " ");
        await(d -> field("e-f-label").getText().equals("must not be blank"));
        assertThat(field("f-label").getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("form-inline-error");
        assertThat(browser.axeViolations())
                .as("axe on the form with an inline error")
                .isEmpty();
        type("f-label", "cumulative investment in Rapidus");
        await(d -> field("e-f-label").getText().isEmpty());

        type("f-note", "First version");
        field("save").click();
        await(ExpectedConditions.urlContains("/editor/figures/" + slug + "?notice=created"));
        assertThat(field("notice").getText()).isEqualTo("Created as revision 1.");
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("sources.name", Matchers.contains("Reuters", "METI"))
                .body("revision", Matchers.equalTo(1));
        screenshot("figure-page");
        assertThat(browser.axeViolations()).as("axe on the figure page").isEmpty();

        // The embed panel: options reach the snippets; the copied script embed shows the card on a page.
        new Select(field("e-theme")).selectByValue("dark");
        await(ExpectedConditions.urlContains("theme=dark"));
        assertThat(field("snippet-script").getAttribute("value")).contains("data-theme=\"dark\"");
        assertThat(field("snippet-iframe").getAttribute("value")).contains("/embed/" + slug + "?theme=dark");
        browser.driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", origin(), "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.driver
                .findElement(By.cssSelector("button[data-copy=snippet-script]"))
                .click();
        await(d -> field("copy-status").getText().startsWith("Copied"));
        String copied = (String)
                browser.driver.executeAsyncScript(
                        "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('failed: ' + e); });");
        assertThat(copied)
                .isEqualTo(field("snippet-script").getAttribute("value"))
                .contains("<script async src=");
        browser.driver.get(browser.hostPage(
                "/article-" + slug + ".html",
                "<!DOCTYPE html><html lang=\"en\"><head>"
                        + "<title>article</title></head><body><main style=\"width:600px\">" + copied
                        + "</main></body></html>"));
        await(d -> d.findElements(By.cssSelector("iframe.stat-callout-frame")).size() == 1);
        browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.stat-callout-frame")));
        await(d -> d.findElement(By.tagName("body")).getText().contains("¥930 billion"));
        assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class"))
                .isEqualTo("t-dark");
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void aStaleEditIsRefusedWithEverythingTypedKept() throws Exception {
        String slug = slug("conflict-ui");
        Map<String, Object> figure = figure(slug);
        create(figure);
        browser.driver.get(origin() + "/editor/figures/" + slug + "/edit");
        field("f-label").clear();
        type("f-label", "my better label");
        type("f-note", "my note");

        figure.put("value", "950000000000");
        update(figure); // someone else, through the API, while this form is open

        field("save").click();
        await(d -> !d.findElements(By.id("conflict")).isEmpty());
        assertThat(field("conflict").getText())
                .contains("while you were editing", "value", "920000000000", "950000000000");
        assertThat(field("f-label").getAttribute("value")).isEqualTo("my better label");
        assertThat(field("f-note").getAttribute("value")).isEqualTo("my note");
        assertThat(field("f-value").getAttribute("value")).isEqualTo("920000000000");
        screenshot("form-conflict");
        assertThat(browser.axeViolations()).as("axe on the conflict").isEmpty();

        // Saving again is a deliberate overwrite of the version they now know about; it puts
        // back another value, so the editor says what kind of change that is.
        field("save").click();
        await(d -> !d.findElements(By.id("error-summary")).isEmpty());
        assertThat(field("error-summary").getText())
                .contains("What is this change?: the figure's value, display or as-of date changed");
        assertThat(field("f-label").getAttribute("value")).isEqualTo("my better label");
        field("c-correction").click();
        field("save").click();
        await(ExpectedConditions.urlContains("notice=saved"));
        assertThat(field("notice").getText()).isEqualTo("Saved as revision 3.");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("my better label");
    }

    @Test
    void signedOutMidEditNothingTypedIsLost() throws Exception {
        String slug = slug("expiry-ui");
        create(figure(slug));
        browser.driver.get(origin() + "/editor/figures/" + slug + "/edit");
        field("f-label").clear();
        type("f-label", "written over a long lunch");
        browser.driver.manage().deleteCookieNamed("sc_session"); // the session ends
        type("f-note", "after lunch");
        await(d -> field("preview-status").getText().equals("Preview stopped"));
        assertThat(inPreview(
                        () -> browser.driver.findElement(By.tagName("body")).getText()))
                .contains("You were signed out");

        field("save").click();
        await(d -> !d.findElements(By.id("interrupted")).isEmpty());
        assertThat(field("interrupted").getText()).contains("you were signed out");
        assertThat(field("f-label").getAttribute("value")).isEqualTo("written over a long lunch");
        assertThat(browser.axeViolations()).as("axe on the signed-out form").isEmpty();

        // Sign in again in another tab, come back, save: once to take the new session, once to save.
        String form = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(origin() + "/editor/login");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(EDITOR_PASSWORD);
        browser.driver.findElement(By.cssSelector("main button[type=submit]")).click();
        await(ExpectedConditions.urlMatches("/editor$"));
        browser.driver.close();
        browser.driver.switchTo().window(form);
        field("save").click();
        await(d -> field("interrupted").getText().contains("opened before you last signed in"));
        assertThat(field("f-label").getAttribute("value")).isEqualTo("written over a long lunch");
        field("save").click();
        await(ExpectedConditions.urlContains("notice=saved"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("written over a long lunch");
    }

    @Test
    void restoreAnOldRevisionAsANewOneAndRetract() throws Exception {
        String slug = slug("history-ui");
        Map<String, Object> figure = figure(slug);
        create(figure);
        figure.put("value", "999000000000");
        figure.put("label", "a wrong label");
        figure.put("note", "Oops");
        update(figure);
        browser.driver.get(origin() + "/editor/figures/" + slug);
        String history = field("revision-2").getText();
        assertThat(history)
                .contains(
                        "Oops",
                        "value",
                        "920000000000 → 999000000000",
                        "label",
                        "cumulative investment in Rapidus → a wrong label");

        field("revision-1").findElement(By.cssSelector("button")).click();
        await(ExpectedConditions.urlContains("notice=restored"));
        assertThat(field("revision-3").getText()).contains("Restored revision 1", "999000000000 → 920000000000");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText())
                .contains("¥920 billion", "cumulative investment in Rapidus");

        field("reason").sendKeys("The source withdrew the figure.");
        browser.driver
                .findElement(By.cssSelector("form[action$='/retract'] button"))
                .click();
        await(ExpectedConditions.alertIsPresent()).accept(); // "Retract this figure? …"
        await(ExpectedConditions.urlContains("notice=retracted"));
        assertThat(browser.driver.findElement(By.cssSelector(".status")).getText())
                .isEqualTo("retracted");
        assertThat(field("revision-4").getText()).contains("Retracted: The source withdrew the figure.");
        screenshot("figure-history");
        assertThat(browser.axeViolations())
                .as("axe on a retracted figure's page")
                .isEmpty();
    }

    /** Waits until the live preview shows all of these (it follows the typing after a short pause). */
    @Test
    void aFigureWrittenInJapaneseAndEnglishIsWhollyOneOrTheOther() throws Exception {
        String slug = slug("ja-en");
        browser.driver.get(origin() + "/editor/new-figure");
        field("f-locale").clear();
        type("f-locale", "ja");
        // The figure is Japanese now: words in English beside it, none asked for in Japanese.
        await(d -> field("f-tr-en-label").isDisplayed());
        assertThat(field("f-tr-ja-label").isDisplayed()).isFalse();
        type("f-value", "9200億");
        new Select(field("f-kind")).selectByValue("currency");
        type("f-currency", "JPY");
        type("f-label", "ラピダスへの累計投資額");
        type("f-context", "日本の2ナノ半導体工場への政府支援。");
        type("f-source-0-name", "ロイター");
        type("f-source-0-url", "https://www.reuters.com/technology/rapidus");
        new Select(field("f-asof-precision")).selectByValue("month");
        assertThat(field("f-asof").isDisplayed()).isFalse();
        month("2024-04");
        type("f-tr-en-label", "cumulative investment in Rapidus");
        type("f-tr-en-context", "Government support for Japan's 2 nm foundry.");
        type("f-tr-en-sourceNames", "Reuters");
        type("f-slug", slug);
        new Select(field("f-status")).selectByValue("published");
        awaitPreview("9200億円", "ラピダスへの累計投資額", "2024年4月時点");
        field("save").click();
        await(ExpectedConditions.urlContains("/editor/figures/" + slug + "?notice=created"));

        assertWhollyJapanese(card(slug, "ja"), "9200億円", "ラピダスへの累計投資額", "ロイター", "2024年4月時点");
        assertWhollyEnglish(
                card(slug, "en"), "¥920 billion", "cumulative investment in Rapidus", "Reuters", "As of April 2024");
        // No German words: the German card is wholly the figure's own Japanese.
        assertWhollyJapanese(card(slug, "de"), "9200億円", "ラピダスへの累計投資額");

        // New data a year on, saved as an update with the change shown on the card.
        browser.driver.get(origin() + "/editor/figures/" + slug + "/edit");
        field("f-value").clear();
        type("f-value", "1兆");
        month("2025-03");
        new Select(field("f-trend")).selectByValue("change");
        field("save").click();
        await(d -> field("error-summary").getText().contains("What is this change?"));
        field("c-update").click();
        type("f-note", "FY2025 budget");
        field("save").click();
        await(ExpectedConditions.urlContains("notice=saved"));
        assertWhollyJapanese(card(slug, "ja"), "1兆円", "2025年3月時点", "2024年4月の9200億円から上昇", "更新");
        assertWhollyEnglish(
                card(slug, "en"), "¥1 trillion", "As of March 2025", "up from ¥920 billion in April 2024", "Updated");
        screenshot("card-ja-update");
    }

    /** The month picker's value, set as a picker sets it (typing into it depends on the browser's locale). */
    private static void month(String value) {
        browser.js(
                "var m = document.getElementById('f-asof-month'); m.value = arguments[0];"
                        + " m.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " m.dispatchEvent(new Event('change', {bubbles: true}));",
                value);
    }

    /** The card's language and the text a reader sees (fetched afresh: the browser may hold an older one). */
    private static String[] card(String slug, String lang) {
        browser.driver.get(origin() + "/embed/" + slug + "?lang=" + lang + "&fresh=" + System.nanoTime());
        return new String[] {
            browser.driver.findElement(By.tagName("html")).getAttribute("lang"),
            (String) browser.js("return document.body.innerText;")
        };
    }

    private static void assertWhollyJapanese(String[] card, String... texts) {
        assertThat(card[0]).isEqualTo("ja");
        assertThat(card[1]).contains(texts).doesNotContainPattern("[A-Za-z]");
    }

    private static void assertWhollyEnglish(String[] card, String... texts) {
        assertThat(card[0]).isEqualTo("en");
        assertThat(card[1]).contains(texts).doesNotContainPattern("[\\u3040-\\u30ff\\u4e00-\\u9fff]");
    }

    private static void awaitPreview(String... texts) {
        previewWait(() -> "the preview shows: " + inPreview(() -> browser.driver.getPageSource()))
                .until(d -> {
                    String shown =
                            inPreview(() -> d.findElement(By.tagName("body")).getText());
                    return Arrays.stream(texts).allMatch(shown::contains);
                });
    }

    private static void awaitPreviewLanguage(String lang) {
        previewWait(() -> "the preview is in: " + previewLanguage()).until(d -> lang.equals(previewLanguage()));
    }

    /** The preview frame reloads as the form changes: what goes stale as it is read is read again. */
    private static FluentWait<WebDriver> previewWait(Supplier<String> shown) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(shown);
    }

    private static String previewLanguage() {
        return inPreview(() -> browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
    }

    private static <T> T inPreview(Supplier<T> read) {
        browser.driver.switchTo().frame("preview");
        try {
            return read.get();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    private static WebElement field(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static void type(String id, String text) {
        field(id).sendKeys(text);
    }
}
