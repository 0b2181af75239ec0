package dev.statcallouts.browser;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.createCollection;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.retract;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.statcallouts.testsupport.BrowserTestSupport;
import io.quarkus.test.junit.QuarkusTest;

/** Cards in a real Chromium: WordPress resizing, link forwarding, layout, themes, accessibility. */
@QuarkusTest
class EmbedBrowserTest extends BrowserTestSupport {

    /** A host page like WordPress's: listens for messages, iframes the card with a #?secret=. */
    private String wordpressLikeHost(String slug, int width) {
        return browser.hostPage(
                "/wp-" + slug + ".html",
                "<!DOCTYPE html><html><head><title>host</title></head>"
                        + "<body style=\"margin:0\"><script>window.msgs = [];"
                        + "addEventListener('message', function (e) { msgs.push({origin: e.origin, data: e.data}); });</script>"
                        + "<iframe id=\"card\" title=\"card\" style=\"border:0;display:block\" width=\"" + width
                        + "\" height=\"150\""
                        + " src=\"" + origin() + "/embed/" + slug + "#?secret=abc123\"></iframe></body></html>");
    }

    private long lastPostedHeight(int messagesBefore) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(d -> ((Number)
                                        browser.js(
                                                "return msgs.filter(function (m) { return m.data && m.data.secret === 'abc123' && m.data.message === 'height'; }).length;"))
                                .intValue()
                        > messagesBefore);
        return ((Number) browser.js("var h = msgs.filter(function (m) { return m.data && m.data.secret === 'abc123'"
                        + " && m.data.message === 'height'; }); return h[h.length - 1].data.value;"))
                .longValue();
    }

    private int heightMessages() {
        return ((Number) browser.js(
                        "return msgs.filter(function (m) { return m.data && m.data.message === 'height'; }).length;"))
                .intValue();
    }

    /** The card's rendered height, measured inside the iframe. */
    private long renderedHeight() {
        browser.driver.switchTo().frame("card");
        try {
            return ((Number) browser.js("return Math.ceil(document.body.getBoundingClientRect().height);")).longValue();
        } finally {
            browser.driver.switchTo().defaultContent();
        }
    }

    @Test
    void postsItsHeightTheWordPressWayAndFollowsWidthChanges() {
        String slug = slug("wp");
        create(figure(slug));
        browser.driver.get(wordpressLikeHost(slug, 560));
        long posted = lastPostedHeight(0);
        assertThat(posted).isEqualTo(renderedHeight()).isGreaterThan(100);

        int before = heightMessages();
        browser.js("document.getElementById('card').width = 300;");
        long narrow = lastPostedHeight(before);
        assertThat(narrow).isEqualTo(renderedHeight()).isGreaterThan(posted);

        before = heightMessages();
        browser.js("document.getElementById('card').width = 1200;");
        long wide = lastPostedHeight(before);
        assertThat(wide).isEqualTo(renderedHeight()).isLessThan(narrow);
    }

    @Test
    void linksGoThroughOurHostInsideWordPressSandbox() {
        String slug = slug("wp-link");
        create(figure(slug));
        browser.driver.get(wordpressLikeHost(slug, 560));
        lastPostedHeight(0);
        browser.driver.switchTo().frame("card");
        browser.driver.findElement(By.cssSelector(".src a")).click();
        browser.driver.switchTo().defaultContent();
        new WebDriverWait(browser.driver, Duration.ofSeconds(5)).until(d -> (Boolean) browser.js(
                "var via = arguments[0]; return msgs.some(function (m) { return m.data && m.data.message === 'link'"
                        + " && m.data.value === via; });",
                origin() + "/s/" + slug + "/sources/1"));
    }

    @Test
    void figureIsTheHeroAndNeverOverflowsFrom120To1200PixelsAndOEmbedHeightFits() {
        String slug = slug("layout");
        Map<String, Object> body = figure(slug);
        body.put("value", "123456789012345.67");
        body.put("display", Map.of("kind", "currency", "currency", "USD", "notation", "full"));
        body.put(
                "label",
                "a long label about semiconductor-manufacturing that needs to wrap over several lines when the card is narrow");
        create(body);
        String page = browser.hostPage(
                "/layout-" + slug + ".html",
                "<!DOCTYPE html><html><head><title>host</title></head>"
                        + "<body style=\"margin:0\"><iframe id=\"card\" title=\"card\" style=\"border:0;display:block\" width=\"560\""
                        + " height=\"2000\" src=\"" + origin() + "/embed/" + slug + "\"></iframe></body></html>");
        browser.driver.get(page);
        for (int width : List.of(120, 160, 180, 200, 320, 560, 800, 1200)) {
            browser.js("document.getElementById('card').width = arguments[0];", width);
            browser.driver.switchTo().frame("card");
            new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                    .until(d ->
                            ((Number) browser.js("return document.documentElement.clientWidth;")).intValue() == width);
            Map<?, ?> fit = (Map<?, ?>) browser.js("var f = document.querySelector('.fig');"
                    + "return {page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,"
                    + " fig: f.scrollWidth, box: f.clientWidth, figSize: parseFloat(getComputedStyle(f).fontSize),"
                    + " otherSize: Math.max.apply(null, Array.prototype.map.call(document.querySelectorAll('.lbl,.src,.ctx,.meta,.note'),"
                    + "   function (e) { return parseFloat(getComputedStyle(e).fontSize); })),"
                    + " broken: " + BROKEN_WORDS + ","
                    + " height: Math.ceil(document.body.getBoundingClientRect().height)};");
            browser.driver.switchTo().defaultContent();
            assertThat(((Number) fit.get("page")).intValue())
                    .as("page fits at %d px", width)
                    .isLessThanOrEqualTo(((Number) fit.get("view")).intValue());
            assertThat(((Number) fit.get("fig")).intValue())
                    .as("figure fits at %d px", width)
                    .isLessThanOrEqualTo(((Number) fit.get("box")).intValue());
            assertThat(((Number) fit.get("figSize")).doubleValue())
                    .as("figure is the largest text at %d px", width)
                    .isGreaterThan(((Number) fit.get("otherSize")).doubleValue());
            if (width >= 160) {
                assertThat((List<?>) fit.get("broken"))
                        .as("words broken inside at %d px", width)
                        .isEmpty();
            }
            var oembed = given().queryParam("url", origin() + "/s/" + slug)
                    .queryParam("maxwidth", width)
                    .when()
                    .get("/oembed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (oembed.getInt("width") == width) {
                // Drupal sizes its iframe from this and never resizes it: never too short, not much too tall.
                long real = ((Number) fit.get("height")).longValue();
                assertThat((long) oembed.getInt("height"))
                        .as("oEmbed height at %d px", width)
                        .isBetween(real, real + 90);
            }
        }
    }

    /** Words of the card's text (not the figure) that the browser laid out over more than one line. */
    static final String BROKEN_WORDS = "(function () { var broken = [];"
            + " document.querySelectorAll('.lbl,.src,.ctx,.meta,.note').forEach(function (el) {"
            + "  var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;"
            + "  while ((node = walker.nextNode())) { var re = /[^\\s\\-]+/g, m;"
            + "   while ((m = re.exec(node.data))) { var r = document.createRange(); r.setStart(node, m.index);"
            + "    r.setEnd(node, m.index + m[0].length); var tops = {};"
            + "    Array.prototype.forEach.call(r.getClientRects(), function (c) { tops[Math.round(c.top)] = 1; });"
            + "    if (Object.keys(tops).length > 1) broken.push(m[0]); } } });"
            + " return broken; })()";

    @Test
    void collectionOEmbedHeightFitsToo() {
        List<String> members = List.of(slug("cl1"), slug("cl2"), slug("cl3"));
        members.forEach(m -> create(figure(m)));
        String collection = slug("coll-layout");
        createCollection(collection, members);
        String page = browser.hostPage(
                "/coll-" + collection + ".html",
                "<!DOCTYPE html><html><head><title>host</title>"
                        + "</head><body style=\"margin:0\"><iframe id=\"card\" title=\"card\" style=\"border:0;display:block\""
                        + " width=\"560\" height=\"3000\" src=\"" + origin() + "/embed/c/" + collection
                        + "\"></iframe></body></html>");
        browser.driver.get(page);
        for (int width : List.of(560, 400, 240)) {
            browser.js("document.getElementById('card').width = arguments[0];", width);
            browser.driver.switchTo().frame("card");
            new WebDriverWait(browser.driver, Duration.ofSeconds(5))
                    .until(d ->
                            ((Number) browser.js("return document.documentElement.clientWidth;")).intValue() == width);
            long real = ((Number) browser.js("return Math.ceil(document.body.getBoundingClientRect().height);"))
                    .longValue();
            browser.driver.switchTo().defaultContent();
            int estimated = given().queryParam("url", origin() + "/c/" + collection)
                    .queryParam("maxwidth", width)
                    .when()
                    .get("/oembed")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("height");
            assertThat((long) estimated)
                    .as("collection oEmbed height at %d px", width)
                    .isBetween(real, real + 200);
        }
    }

    @Test
    void aRetractedCardLeadsWithTheNoticeAndTheOldNumberRecedes() {
        String slug = slug("gone");
        create(figure(slug));
        retract(slug, "The survey was withdrawn");
        browser.driver.get(origin() + "/embed/" + slug);
        Map<?, ?> card =
                (Map<?, ?>) browser.js("var n = document.querySelector('.note'), f = document.querySelector('.fig');"
                        + " return {noteTop: n.getBoundingClientRect().top, figTop: f.getBoundingClientRect().top,"
                        + " noteSize: parseFloat(getComputedStyle(n).fontSize), figSize: parseFloat(getComputedStyle(f).fontSize),"
                        + " figColor: getComputedStyle(f).color, muted: getComputedStyle(document.querySelector('.src')).color,"
                        + " struck: getComputedStyle(f).textDecorationLine};");
        assertThat(((Number) card.get("noteTop")).doubleValue())
                .isLessThan(((Number) card.get("figTop")).doubleValue());
        assertThat(((Number) card.get("figSize")).doubleValue())
                .isLessThan(((Number) card.get("noteSize")).doubleValue());
        assertThat(card.get("figColor")).isEqualTo(card.get("muted"));
        assertThat(card.get("struck")).isEqualTo("line-through");
    }

    @Test
    void collectionsSizeTheirFiguresAlikeAndNeverLeaveOneAlone() {
        List<String> members = List.of(slug("c4a"), slug("c4b"), slug("c4c"), slug("c4d"));
        for (int i = 0; i < members.size(); i++) {
            Map<String, Object> body = figure(members.get(i));
            if (i == 1) {
                body.put("value", "204000000000");
                body.put("display", Map.of("kind", "currency", "currency", "USD", "notation", "compact"));
            }
            if (i == 2) {
                body.put("value", "65");
                body.put("display", Map.of("kind", "percent"));
            }
            create(body);
        }
        String collection = slug("c4");
        createCollection(collection, members);
        String page = browser.hostPage(
                "/c4-" + collection + ".html",
                "<!DOCTYPE html><html><head><title>host</title></head><body style=\"margin:0\">"
                        + "<iframe id=\"card\" title=\"card\" style=\"border:0;display:block\" width=\"1200\" height=\"2000\""
                        + " src=\"" + origin() + "/embed/c/" + collection + "\"></iframe></body></html>");
        browser.driver.get(page);
        for (int width : List.of(1200, 700, 360)) {
            browser.js("document.getElementById('card').width = arguments[0];", width);
            browser.driver.switchTo().frame("card");
            await(d -> ((Number) browser.js("return document.documentElement.clientWidth;")).intValue() == width);
            Map<?, ?> grid =
                    (Map<?, ?>) browser.js("var cells = document.querySelectorAll('.cell'), tops = {}, sizes = {};"
                            + " cells.forEach(function (c) { tops[Math.round(c.getBoundingClientRect().top)] = (tops[Math.round(c.getBoundingClientRect().top)] || 0) + 1;"
                            + "  sizes[getComputedStyle(c.querySelector('.fig')).fontSize] = 1; });"
                            + " var last = cells[cells.length - 1].getBoundingClientRect().bottom,"
                            + "  refs = document.querySelector('.refs-title').getBoundingClientRect().top;"
                            + " return {rows: Object.values(tops), sizes: Object.keys(sizes), gap: refs - last};");
            browser.driver.switchTo().defaultContent();
            assertThat((List<?>) grid.get("sizes"))
                    .as("figure sizes at %d px", width)
                    .hasSize(1);
            assertThat((List<?>) grid.get("rows"))
                    .as("figures per row at %d px", width)
                    .isEqualTo(width == 1200 ? List.of(4L) : width == 700 ? List.of(2L, 2L) : List.of(1L, 1L, 1L, 1L));
            assertThat(((Number) grid.get("gap")).doubleValue())
                    .as("space before the references at %d px", width)
                    .isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void darkThemeRendersDarkAndAutoFollowsTheReader() {
        String slug = slug("dark");
        create(figure(slug));
        browser.driver.get(origin() + "/embed/" + slug + "?theme=dark");
        String background =
                (String) browser.js("return getComputedStyle(document.querySelector('.card')).backgroundColor;");
        String text = (String) browser.js("return getComputedStyle(document.querySelector('.lbl')).color;");
        assertThat(luminance(background)).isLessThan(0.05);
        assertThat(luminance(text)).isGreaterThan(0.8);
        browser.driver.get(origin() + "/embed/" + slug + "?theme=light");
        assertThat(luminance((String)
                        browser.js("return getComputedStyle(document.querySelector('.card')).backgroundColor;")))
                .isGreaterThan(0.95);
    }

    @Test
    void screenReadersGetOneSentence() {
        String slug = slug("sr");
        create(figure(slug));
        browser.driver.get(origin() + "/embed/" + slug);
        assertThat((String) browser.js("return document.querySelector('h1').textContent;"))
                .isEqualTo("¥920 billion cumulative investment in Rapidus. Source: Reuters");
    }

    @Test
    void axeFindsNoViolations() throws Exception {
        String slug = slug("axe");
        create(figure(slug));
        String retracted = slug("axe-retracted");
        create(figure(retracted));
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .queryParam("reason", "Withdrawn by the publisher")
                .header("If-Match", "*")
                .when()
                .post("/api/stats/" + retracted + "/retraction")
                .then()
                .statusCode(200);
        Map<String, Object> corrected = figure(slug);
        corrected.put("value", "930000000000");
        corrected.put("change", "correction");
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .contentType("application/json")
                .body(corrected)
                .header("If-Match", "*")
                .when()
                .put("/api/stats/" + slug)
                .then()
                .statusCode(200);
        String collection = slug("axe-coll");
        createCollection(collection, List.of(slug, retracted));
        for (String path : List.of(
                "/embed/" + slug,
                "/embed/" + slug + "?theme=dark",
                "/embed/" + slug + "?theme=auto",
                "/embed/" + slug + "?lang=ja",
                "/embed/" + slug + "?v=1",
                "/embed/" + retracted,
                "/embed/" + retracted + "?theme=dark",
                "/embed/c/" + collection,
                "/embed/c/" + collection + "?theme=dark",
                "/s/" + slug,
                "/c/" + collection)) {
            browser.driver.get(origin() + path);
            assertThat(browser.axeViolations()).as("axe on %s", path).isEmpty();
        }
    }

    /** Relative luminance of a CSS rgb()/rgba() colour. */
    static double luminance(String css) {
        String[] parts = css.replaceAll("[^0-9,.]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Double.parseDouble(parts[i]) / 255;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
