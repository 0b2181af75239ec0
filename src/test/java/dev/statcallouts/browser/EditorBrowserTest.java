package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.EDITOR_PASSWORD;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.createEditor;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** The editors' sign-in and figure list in a real Chromium, checked by axe-core. */
@QuarkusTest
class EditorBrowserTest extends BrowserTestSupport {

    @Test
    void signInSeeTheFiguresSignOut() throws Exception {
        String username = createEditor();
        String slug = slug("browser-ui");
        create(figure(slug));
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(origin() + "/editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/editor/login");
        assertThat(browser.axeViolations()).as("axe on the sign-in page").isEmpty();

        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys("wrong password!");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
        assertThat(browser.driver.findElement(By.cssSelector(".error")).getText())
                .isEqualTo("Wrong user name or password.");
        assertThat(browser.axeViolations()).as("axe on the sign-in error").isEmpty();

        browser.driver.findElement(By.id("username")).clear();
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(EDITOR_PASSWORD);
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches("/editor$"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Figures");
        assertThat(browser.driver.getPageSource()).contains(slug);
        assertThat(browser.axeViolations()).as("axe on the figure list").isEmpty();

        browser.driver.findElement(By.cssSelector(".bar button")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(ExpectedConditions.urlMatches("/editor/login$"));
        browser.driver.get(origin() + "/editor");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/editor/login");
    }

    @Test
    void noEditorPageScrollsSidewaysOnAPhone() {
        String username = createEditor();
        String slug = slug("phone-ui");
        Map<String, Object> body = figure(slug);
        body.put("label", "a label long enough to need several lines on a phone, with a long-compound-word-inside");
        create(body);
        String collection = slug("phone-coll");
        createCollection(collection, List.of(slug));
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        try {
            browser.driver.manage().deleteAllCookies();
            browser.driver.get(origin() + "/editor/login");
            assertFits("/editor/login");
            signInAs(username);
            for (String path : List.of(
                    "/editor",
                    "/editor/figures/new",
                    "/editor/figures/" + slug,
                    "/editor/figures/" + slug + "/edit",
                    "/editor/collections",
                    "/editor/collections/" + collection,
                    "/editor/account")) {
                browser.driver.get(origin() + path);
                assertFits(path);
            }
        } finally {
            browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void assertFits(String path) {
        Map<?, ?> fit = (Map<?, ?>) browser.js("var view = document.documentElement.clientWidth, wide = [];"
                + " document.querySelectorAll('body *').forEach(function (e) {"
                + "  if (e.getBoundingClientRect().right > view + 1 && e.children.length === 0)"
                + "   wide.push(e.tagName + '.' + e.className + '#' + e.id); });"
                + " return {scroll: document.documentElement.scrollWidth, view: view, wide: wide.slice(0, 5)};");
        assertThat(((Number) fit.get("scroll")).intValue())
                .as("%s scrolls sideways at 390 px (too wide: %s)", path, fit.get("wide"))
                .isLessThanOrEqualTo(((Number) fit.get("view")).intValue());
    }
}
