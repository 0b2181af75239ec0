package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;

import dev.statcallouts.testsupport.BrowserTestSupport;
import dev.statcallouts.testsupport.WordPress;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A card's permalink pasted into a real WordPress 6.1 (Debian's package, twentytwentyone theme),
 * once as a line of a classic post (auto-embed) and once in the block editor's embed block:
 * the markup WordPress keeps, the frame's height as WordPress's own wp-embed.js sets it, a phone
 * and a desktop page without sideways scrolling, and a source link a reader can follow.
 */
@QuarkusTest
class WordPressBrowserTest extends BrowserTestSupport {

    private static final String SLUG = slug("wordpress");
    private static WordPress wordpress;
    private static String sourcePage;

    /** The site, installed on first use (the service is not up yet when {@code @BeforeAll} runs). */
    private static WordPress site() throws Exception {
        if (wordpress != null) {
            return wordpress;
        }
        sourcePage = browser.hostPage(
                "/source-report.html",
                "<!DOCTYPE html><html lang=\"en\"><head><title>The source</title></head><body>Report</body></html>");
        Map<String, Object> body = figure(SLUG);
        List<Map<String, Object>> sources = new ArrayList<>();
        sources.add(Map.of("name", "The Source Report", "url", sourcePage));
        body.put("sources", sources);
        create(body);
        wordpress = new WordPress(origin() + "/s/" + SLUG, RestAssured.port);
        browser.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__heights = []; addEventListener('message', function (e) {"
                                + " if (e.data && e.data.message === 'height') window.__heights.push(e.data.value); });"));
        return wordpress;
    }

    @AfterAll
    static void stopWordPress() throws Exception {
        if (wordpress != null) {
            wordpress.close();
        }
    }

    @Test
    void wordpressKeepsOneSandboxedFrameThatFillsItsColumn() throws Exception {
        for (int post : List.of(site().classicPost, wordpress.blockPost)) {
            String html = wordpress.get("/?p=" + post);
            assertThat(html.split("<iframe", -1))
                    .as("one frame in post %d", post)
                    .hasSize(2);
            assertThat(html)
                    .contains(
                            "<iframe class=\"wp-embedded-content\" sandbox=\"allow-scripts\" security=\"restricted\"",
                            "src=\"" + origin() + "/embed/" + SLUG + "#?secret=",
                            "width=\"100%\"",
                            "data-secret=",
                            "wp-embed")
                    .containsPattern("<blockquote class=\"wp-embedded-content\" data-secret=\"\\w+\">(<p>)?<a href=\""
                            + origin() + "/s/" + SLUG + "\">")
                    .doesNotContain("data-stat=");
        }
    }

    @Test
    void frameTakesTheCardsHeightOnPhonesAndDesktopsWithoutSidewaysScrolling() throws Exception {
        for (int post : List.of(site().classicPost, wordpress.blockPost)) {
            for (int width : List.of(320, 375, 560, 1200)) {
                // A fresh load each time, not a reload of the same address at another width.
                browser.driver.get("about:blank");
                viewport(width);
                browser.driver.get(wordpress.postUrl(post));
                // WordPress's wp-embed.js shows the frame and sets its height, clamped to 200–1000 px.
                long card = awaitOr(
                        () -> "post " + post + " at " + width + " px: frame "
                                + browser.js(
                                        "var f = document.querySelector('iframe.wp-embedded-content');"
                                                + " return f.outerHTML.replace(/src=\"[^\"]*\"/, '') + ' posted ' + JSON.stringify(window.__heights);")
                                + ", card " + cardHeight(),
                        d -> {
                            Map<?, ?> state = (Map<?, ?>)
                                    browser.js(
                                            "var f = document.querySelector('iframe.wp-embedded-content');"
                                                    + "return f && !f.hasAttribute('style') ? {height: +f.getAttribute('height')} : null;");
                            if (state == null) {
                                return null;
                            }
                            long inner = cardHeight();
                            return ((Number) state.get("height")).longValue() == Math.max(200, Math.min(1000, inner))
                                    ? inner
                                    : null;
                        });
                assertThat(card)
                        .as("card height in post %d at %d px", post, width)
                        .isGreaterThan(80);
                Map<?, ?> page = (Map<?, ?>) browser.js("var f = document.querySelector('iframe.wp-embedded-content');"
                        + "return {scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,"
                        + " frame: f.getBoundingClientRect().width};");
                assertThat(((Number) page.get("scroll")).intValue())
                        .as("page of post %d scrolls sideways at %d px", post, width)
                        .isLessThanOrEqualTo(((Number) page.get("view")).intValue());
                assertThat(((Number) page.get("frame")).intValue())
                        .as("frame fits post %d at %d px", post, width)
                        .isLessThanOrEqualTo(width);
                List<?> posted = (List<?>) browser.js("return window.__heights;");
                assertThat(posted)
                        .as("every height the card posted in post %d at %d px", post, width)
                        .isNotEmpty()
                        .allSatisfy(h -> assertThat(((Number) h).longValue()).isBetween(card / 2, card * 2));
            }
        }
    }

    @Test
    void aReaderReachesTheSourceThroughOurHost() throws Exception {
        viewport(1200);
        browser.driver.get(site().postUrl(wordpress.classicPost));
        await(d -> browser.js("var f = document.querySelector('iframe.wp-embedded-content');"
                + "return f && !f.hasAttribute('style') ? true : null;"));
        browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.wp-embedded-content")));
        browser.driver.findElement(By.cssSelector(".src a")).click();
        browser.driver.switchTo().defaultContent();
        awaitOr(
                () -> "the reader is at " + browser.driver.getCurrentUrl(),
                d -> d.getCurrentUrl().equals(sourcePage));
    }

    /** Waits as {@link #await} does; on a timeout, says what was there instead. */
    private static <T> T awaitOr(Supplier<String> whatIsThere, Function<WebDriver, T> condition) {
        try {
            return await(condition);
        } catch (TimeoutException e) {
            throw new AssertionError(whatIsThere.get(), e);
        }
    }

    /** The card's height as rendered inside WordPress's frame. */
    private static long cardHeight() {
        browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.wp-embedded-content")));
        try {
            Map<?, ?> inside = (Map<?, ?>)
                    browser.js(
                            "return {height: Math.ceil(document.body.getBoundingClientRect().height),"
                                    + " scroll: document.documentElement.scrollWidth, view: document.documentElement.clientWidth};");
            assertThat(((Number) inside.get("scroll")).intValue())
                    .as("card scrolls sideways")
                    .isLessThanOrEqualTo(((Number) inside.get("view")).intValue());
            return ((Number) inside.get("height")).longValue();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    private static void viewport(int width) {
        browser.driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }
}
