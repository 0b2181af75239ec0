package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statcallouts.testsupport.Browser;
import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** The script embed on host pages in a real Chromium: replacement, resizing, foreign messages, live updates. */
@QuarkusTest
class WidgetsBrowserTest extends BrowserTestSupport {

    static String quote(String attributes, String text) {
        return "<blockquote class=\"stat-callout\" " + attributes + "><p>" + text + "</p>" + "<a href=\"" + origin()
                + "/s/x\">Source</a></blockquote>";
    }

    static String script() {
        return "<script async src=\"" + origin() + "/widgets/embed.js\"></script>";
    }

    /** Each embed iframe's height and the height of the card inside it. */
    private List<long[]> heights() {
        List<long[]> result = new ArrayList<>();
        List<WebElement> frames = browser.driver.findElements(By.cssSelector("iframe.stat-callout-frame"));
        for (WebElement frame : frames) {
            long outer = Math.round(
                    ((Number) browser.js("return arguments[0].getBoundingClientRect().height;", frame)).doubleValue());
            browser.driver.switchTo().frame(frame);
            long inner = ((Number) browser.js("return Math.ceil(document.body.getBoundingClientRect().height);"))
                    .longValue();
            browser.driver.switchTo().defaultContent();
            result.add(new long[] {outer, inner});
        }
        return result;
    }

    private void awaitFramesFitTheirCards(int count) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> {
            List<long[]> h = heights();
            return h.size() == count && h.stream().allMatch(p -> p[0] == p[1] && p[1] > 60);
        });
    }

    @Test
    void scriptEmbedsBecomeCardsSizedToTheirContentAlsoWhenAddedLaterOrTheHostNarrows() {
        String a = slug("w1");
        String b = slug("w2");
        String c = slug("w3");
        for (String s : List.of(a, b, c)) {
            create(figure(s));
        }
        String collection = slug("wc");
        createCollection(collection, List.of(a, b));
        String page = browser.hostPage(
                "/widgets-" + a + ".html",
                "<!DOCTYPE html><html lang=\"en\"><head><title>article</title></head>"
                        + "<body><main id=\"article\" style=\"width:640px\">"
                        + quote("data-stat=\"" + a + "\"", "¥920 billion cumulative investment in Rapidus") + script()
                        + quote("data-stat=\"" + b + "\" data-theme=\"dark\" data-lang=\"ja\"", "9200億円") + script()
                        + quote("data-collection=\"" + collection + "\"", "AI by the numbers")
                        + "</main>" + script() + "</body></html>");
        browser.driver.get(page);
        awaitFramesFitTheirCards(3);
        assertThat(browser.driver.findElements(By.cssSelector("blockquote.stat-callout")))
                .isEmpty();
        assertThat((String) browser.js("return document.querySelectorAll('iframe')[1].src;"))
                .contains("theme=dark", "lang=ja");

        browser.js(
                "var q = document.createElement('div'); q.innerHTML = arguments[0];"
                        + "document.getElementById('article').appendChild(q.firstChild);",
                quote("data-stat=\"" + c + "\"", "added after load"));
        awaitFramesFitTheirCards(4);

        long before = heights().get(0)[0];
        browser.js("document.getElementById('article').style.width = '260px';");
        awaitFramesFitTheirCards(4);
        assertThat(heights().get(0)[0]).isGreaterThan(before);
    }

    @Test
    void messagesFromOtherFramesAreIgnored() {
        String a = slug("foreign");
        String other = slug("other");
        create(figure(a));
        create(figure(other));
        String liar = browser.hostPage(
                "/liar-" + a + ".html",
                "<!DOCTYPE html><html><head><title>liar</title></head><body><script>"
                        + "setInterval(function () { parent.postMessage({type: 'statcallouts:height', height: 999}, '*'); }, 50);"
                        + "</script></body></html>");
        // A foreign origin lying about heights, and a card of ours that embed.js did not create.
        String page = browser.hostPage(
                "/foreign-" + a + ".html",
                "<!DOCTYPE html><html><head><title>article</title></head>"
                        + "<body style=\"width:600px\">" + quote("data-stat=\"" + a + "\"", "figure") + script()
                        + "<iframe title=\"liar\" src=\"" + liar + "\"></iframe>"
                        + "<iframe title=\"plain\" width=\"200\" style=\"height:40px\" src=\"" + origin() + "/embed/"
                        + other + "\"></iframe>"
                        + "</body></html>");
        browser.driver.get(page);
        awaitFramesFitTheirCards(1);
        long settled = heights().get(0)[0];
        browser.js("return new Promise(function (r) { setTimeout(r, 500); });");
        assertThat(heights().get(0)[0]).isEqualTo(settled).isNotEqualTo(999);
    }

    @Test
    void cardsPostTheirHeightInEveryHostFormat() {
        String a = slug("formats");
        create(figure(a));
        String page = browser.hostPage(
                "/formats-" + a + ".html",
                "<!DOCTYPE html><html><head><title>host</title></head><body>"
                        + "<script>window.msgs = []; addEventListener('message', function (e) { msgs.push(e.data); });</script>"
                        + "<iframe id=\"card\" title=\"card\" width=\"500\" style=\"border:0\" src=\"" + origin()
                        + "/embed/" + a
                        + "?childId=pym-1#?secret=s3cret\"></iframe></body></html>");
        browser.driver.get(page);
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> ((Number) browser.js("return msgs.length;")).intValue() >= 6);
        browser.driver.switchTo().frame("card");
        long h = ((Number) browser.js("return Math.ceil(document.body.getBoundingClientRect().height);")).longValue();
        browser.driver.switchTo().defaultContent();
        @SuppressWarnings("unchecked")
        List<Object> msgs = (List<Object>)
                browser.js("return msgs.map(function (m) { return typeof m === 'string' ? m : JSON.stringify(m); });");
        assertThat(msgs)
                .contains(
                        "{\"type\":\"statcallouts:height\",\"slug\":\"" + a + "\",\"height\":" + h + "}",
                        "{\"secret\":\"s3cret\",\"message\":\"height\",\"value\":" + h + "}",
                        "pymxPYMxpym-1xPYMxheightxPYMx" + h,
                        "{\"datawrapper-height\":{\"" + a + "\":" + h + "}}",
                        "{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":" + h + "}");
        assertThat(msgs)
                .anyMatch(m -> m.toString().contains("\"context\":\"iframe.resize\"")
                        && m.toString().contains("\"height\":" + h));
    }

    @Test
    void liveCardsShowACorrectionWithinASecond() {
        String a = slug("live");
        create(figure(a));
        String page = browser.hostPage(
                "/live-" + a + ".html",
                "<!DOCTYPE html><html><head><title>article</title></head>" + "<body style=\"width:600px\">"
                        + quote("data-stat=\"" + a + "\" data-live", "figure") + script() + "</body></html>");
        browser.driver.get(page);
        awaitFramesFitTheirCards(1);
        browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.stat-callout-frame")));
        // The stream is open once the server has sent its first heartbeat; give it a moment.
        browser.js("return new Promise(function (r) { setTimeout(r, 300); });");
        Map<String, Object> corrected = figure(a);
        corrected.put("value", "950000000000");
        long start = System.nanoTime();
        update(corrected);
        new WebDriverWait(browser.driver, Duration.ofSeconds(1), Duration.ofMillis(20))
                .until(d -> "¥950 billion".equals(browser.js("return document.querySelector('.fig').textContent;")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).isLessThan(1000);
        assertThat((String) browser.js("return document.querySelector('.meta').textContent;"))
                .contains("Corrected");
        browser.driver.switchTo().defaultContent();
        // And the iframe follows the new card's height.
        awaitFramesFitTheirCards(1);
    }

    @Test
    void liveCollectionsShowAChangeOfAnyOfTheirFigures() {
        String a = slug("live-c1");
        String b = slug("live-c2");
        create(figure(a));
        create(figure(b));
        String collection = slug("live-coll");
        createCollection(collection, List.of(a, b));
        browser.driver.get(browser.hostPage(
                "/live-coll-" + collection + ".html",
                "<!DOCTYPE html><html><head><title>article</title></head><body style=\"width:600px\">"
                        + quote("data-collection=\"" + collection + "\" data-live", "collection") + script()
                        + "</body></html>"));
        awaitFramesFitTheirCards(1);
        browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.stat-callout-frame")));
        browser.js("return new Promise(function (r) { setTimeout(r, 300); });");
        Map<String, Object> corrected = figure(b);
        corrected.put("value", "950000000000");
        update(corrected);
        new WebDriverWait(browser.driver, Duration.ofSeconds(3), Duration.ofMillis(20))
                .until(d ->
                        "¥950 billion".equals(browser.js("return document.querySelectorAll('.fig')[1].textContent;")));
        browser.driver.switchTo().defaultContent();
        awaitFramesFitTheirCards(1);
    }

    @Test
    void withJavaScriptOffTheHostPageShowsTheFallbackText() throws Exception {
        String a = slug("nojs");
        create(figure(a));
        ChromeOptions noJs = new ChromeOptions();
        noJs.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        try (Browser off = new Browser(noJs)) {
            String page = off.hostPage(
                    "/nojs-" + a + ".html",
                    "<!DOCTYPE html><html><head><title>article</title></head><body>"
                            + quote(
                                    "data-stat=\"" + a + "\"",
                                    "¥920 billion cumulative investment in Rapidus (Source: Reuters)")
                            + script() + "</body></html>");
            off.driver.get(page);
            assertThat(off.driver
                            .findElement(By.cssSelector("blockquote.stat-callout"))
                            .getText())
                    .contains("¥920 billion cumulative investment in Rapidus (Source: Reuters)");
            assertThat(off.driver.findElements(By.tagName("iframe"))).isEmpty();
            // The card itself needs no script either.
            off.driver.get(origin() + "/embed/" + a);
            assertThat(off.driver.findElement(By.cssSelector("h1")).getText()).contains("¥920 billion");
        }
    }
}
