package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;

import dev.statcallouts.testsupport.BrowserTestSupport;
import dev.statcallouts.usage.UsageCounter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every way a card is placed in an article, on host pages of another origin at phone and desktop
 * widths: the iframe snippet, the script embed, the oEmbed html kept as it is by a host that also
 * loads embed.js (also when embed.js arrives after the card has reported), and a Pym.js parent.
 * (WordPress's own handling is {@link WordPressBrowserTest}.)
 * Each placement shows one card, its frame as tall as the card (±1 px) whatever the width, no
 * sideways scrolling inside or out, and no height posted before layout.
 */
@QuarkusTest
class HostsBrowserTest extends BrowserTestSupport {

    @Inject
    UsageCounter usage;

    private static final List<Integer> WIDTHS = List.of(320, 375, 560, 1200);
    private static final Pattern SNIPPET =
            Pattern.compile("<pre id=\"snippet-(\\w+)\"[^>]*>(.*?)</pre>", Pattern.DOTALL);

    /** The snippets a permalink page offers, as an editor copies them. */
    private static Map<String, String> snippets(String permalinkPath) {
        String html = given().when()
                .get(permalinkPath)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> snippets = new HashMap<>();
        Matcher m = SNIPPET.matcher(html);
        while (m.find()) {
            snippets.put(
                    m.group(1),
                    m.group(2)
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&quot;", "\"")
                            .replace("&#39;", "'")
                            .replace("&amp;", "&"));
        }
        return snippets;
    }

    private static String article(String name, String body) {
        return browser.hostPage(
                "/" + name + ".html",
                "<!DOCTYPE html><html lang=\"en\"><head><meta name=\"viewport\" content=\"width=device-width\">"
                        + "<title>article</title></head><body style=\"margin:0\"><main style=\"padding:0 8px\">"
                        + "<p>Before the card.</p>" + body + "<p>After the card.</p></main></body></html>");
    }

    @Test
    void everyPlacementShowsOneCardAsTallAsItsFrameAtEveryWidth() throws Exception {
        // Every height a card posts to its page, recorded from before the page's own scripts run.
        browser.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__heights = []; addEventListener('message', function (e) {"
                                + " if (e.data && e.data.type === 'statcallouts:height') window.__heights.push(e.data.height); });"));
        String slug = slug("hosts");
        Map<String, Object> body = figure(slug);
        body.put("label", "cumulative government investment in Rapidus, Japan's 2 nm chip foundry in Hokkaido");
        create(body);
        String collection = slug("hosts-coll");
        String second = slug("hosts-2");
        Map<String, Object> other = figure(second);
        other.put("value", "204000000000");
        other.put("display", Map.of("kind", "currency", "currency", "USD", "notation", "compact"));
        create(other);
        createCollection(collection, List.of(slug, second));

        Map<String, String> figure = snippets("/s/" + slug);
        Map<String, String> group = snippets("/c/" + collection);
        String oembed = given().queryParam("url", origin() + "/s/" + slug)
                .when()
                .get("/oembed")
                .then()
                .extract()
                .path("html");
        String collectionOembed = given().queryParam("url", origin() + "/c/" + collection)
                .when()
                .get("/oembed")
                .then()
                .extract()
                .path("html");
        String pym = Files.readString(Path.of("widgets/node_modules/pym.js/dist/pym.v1.min.js"));
        String script = "<script async src=\"" + origin() + "/widgets/embed.js\"></script>";
        Map<String, String> placements = new LinkedHashMap<>();
        placements.put("iframe", article("iframe-" + slug, figure.get("iframe")));
        placements.put("script", article("script-" + slug, figure.get("script")));
        placements.put("collection-script", article("coll-script-" + slug, group.get("script")));
        placements.put("collection-iframe", article("coll-iframe-" + slug, group.get("iframe")));
        placements.put("oembed-with-embed-js", article("oembed-" + slug, oembed + script));
        placements.put("collection-oembed-with-embed-js", article("coll-oembed-" + slug, collectionOembed + script));
        // embed.js arriving only after the card has reported its height (a slow script, a host
        // that adds it late): it has to ask the card again.
        placements.put(
                "embed-js-after-the-card",
                article(
                        "late-js-" + slug,
                        oembed + "<script>var wait = setInterval(function () { if (!window.__heights.length) return;"
                                + " clearInterval(wait); var s = document.createElement('script');"
                                + " s.src = '" + origin()
                                + "/widgets/embed.js'; document.body.appendChild(s); }, 50);</script>"));
        // Laid out late: the card's column is 0 px wide until the page makes room for it.
        placements.put(
                "late-layout",
                article(
                        "late-" + slug,
                        "<div id=\"late\" style=\"width:0;overflow:hidden\">" + figure.get("iframe") + "</div>"
                                + "<script>setTimeout(function () { document.getElementById('late').style.width = 'auto'; }, 400);</script>"));
        placements.put(
                "pym",
                article(
                        "pym-" + slug,
                        "<div id=\"card\"></div><script>" + pym + "</script><script>new pym.Parent('card', '" + origin()
                                + "/embed/" + slug + "', {title: 'card'});</script>"));

        for (Map.Entry<String, String> placement : placements.entrySet()) {
            for (int width : WIDTHS) {
                // A fresh load each time, not a reload of the same address at another width.
                browser.driver.get("about:blank");
                viewport(width);
                browser.driver.get(placement.getValue());
                String where = placement.getKey() + " at " + width + " px";
                Map<String, Object> fit;
                try {
                    fit = await(d -> {
                        Map<String, Object> state = measure();
                        return state != null
                                        && Math.abs(((Number) state.get("frame")).doubleValue()
                                                        - ((Number) state.get("card")).doubleValue())
                                                <= 1
                                ? state
                                : null;
                    });
                } catch (TimeoutException e) {
                    throw new AssertionError(where + ": frame never took the card's height: " + measure(), e);
                }
                assertThat(((Number) fit.get("frames")).intValue())
                        .as("cards in %s", where)
                        .isEqualTo(1);
                assertThat((String) fit.get("title"))
                        .as("frame title in %s", where)
                        .isNotBlank()
                        .doesNotContain("http");
                assertThat(((Number) fit.get("pageScroll")).intValue())
                        .as("page scrolls sideways, %s", where)
                        .isLessThanOrEqualTo(((Number) fit.get("pageView")).intValue());
                assertThat(((Number) fit.get("cardScroll")).intValue())
                        .as("card scrolls sideways, %s", where)
                        .isLessThanOrEqualTo(((Number) fit.get("cardView")).intValue());
                double card = ((Number) fit.get("card")).doubleValue();
                assertThat((List<?>) fit.get("posted"))
                        .as("every height posted, %s", where)
                        .isNotEmpty()
                        .allSatisfy(h -> assertThat(((Number) h).doubleValue()).isBetween(card / 2, card * 2));
            }
        }
    }

    /** Hosts that strip the script (or never resize): the height the snippet reserves fits the card at every width. */
    @Test
    void withoutAScriptTheReservedHeightStillFitsTheCard() throws Exception {
        String slug = slug("reserve");
        Map<String, Object> body = figure(slug);
        body.put("label", "cumulative government investment in Rapidus, Japan's 2 nm chip foundry in Hokkaido");
        create(body);
        String iframe = snippets("/s/" + slug).get("iframe").replaceAll("<script[^>]*></script>", "");
        String oembed = given().queryParam("url", origin() + "/s/" + slug)
                .when()
                .get("/oembed")
                .then()
                .extract()
                .path("html");
        for (String page : List.of(article("bare-iframe-" + slug, iframe), article("bare-oembed-" + slug, oembed))) {
            for (int width : WIDTHS) {
                viewport(width);
                browser.driver.get(page);
                Map<String, Object> fit = await(d -> measure());
                assertThat(((Number) fit.get("frame")).doubleValue())
                        .as("reserved height at %d px on %s", width, page)
                        .isGreaterThanOrEqualTo(((Number) fit.get("card")).doubleValue());
                assertThat(((Number) fit.get("pageScroll")).intValue())
                        .as("page scrolls sideways at %d px on %s", width, page)
                        .isLessThanOrEqualTo(((Number) fit.get("pageView")).intValue());
            }
        }
    }

    @Test
    void whereUsedNamesTheArticleForCardsAndEachFigureOfACollection() throws Exception {
        String slug = slug("where");
        String second = slug("where-2");
        create(figure(slug));
        create(figure(second));
        String collection = slug("where-coll");
        createCollection(collection, List.of(slug, second));
        viewport(800);
        String single = article("2024/11/chips-" + slug, snippets("/s/" + slug).get("iframe"));
        String grouped =
                article("2024/11/roundup-" + slug, snippets("/c/" + collection).get("script"));
        for (String page : List.of(single, grouped)) {
            browser.driver.get(page);
            await(d -> measure());
        }
        usage.flush();
        for (String figure : List.of(slug, second)) {
            List<String> pages = given().auth()
                    .oauth2(ADMIN_TOKEN)
                    .when()
                    .get("/api/stats/" + figure + "/usage")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("pages.page");
            assertThat(pages).as("where %s is used", figure).contains(grouped);
            if (figure.equals(slug)) {
                assertThat(pages).contains(single);
            }
        }
    }

    /**
     * Frames on the page, the first one's height, sideways scrolling outside and inside it, the
     * card's height inside it, and every height posted; null until a card is in it.
     */
    private static Map<String, Object> measure() {
        Map<?, ?> outside = (Map<?, ?>) browser.js("var fs = document.querySelectorAll('iframe');"
                + " return fs.length === 0 ? null : {frames: fs.length, frame: fs[0].getBoundingClientRect().height,"
                + " title: fs[0].title,"
                + " pageScroll: document.documentElement.scrollWidth, pageView: document.documentElement.clientWidth,"
                + " posted: window.__heights || []};");
        if (outside == null) {
            return null;
        }
        browser.driver.switchTo().frame(0);
        try {
            Map<?, ?> inside = (Map<?, ?>)
                    browser.js(
                            "return document.querySelector('main') ? {"
                                    + " card: Math.ceil(document.body.getBoundingClientRect().height),"
                                    + " cardScroll: document.documentElement.scrollWidth, cardView: document.documentElement.clientWidth} : null;");
            if (inside == null) {
                return null;
            }
            Map<String, Object> all = new HashMap<>();
            outside.forEach((k, v) -> all.put((String) k, v));
            inside.forEach((k, v) -> all.put((String) k, v));
            return all;
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
