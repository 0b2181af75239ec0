package dev.statcallouts.editor;

import static dev.statcallouts.testsupport.EditorSignIn.editor;
import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.viewCard;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn.Session;
import dev.statcallouts.usage.UsageCounter;
import io.quarkus.test.junit.QuarkusTest;

/** Finding figures: several tags at once, slugs and values in the search, orders, where used; duplicating one. */
@QuarkusTest
class FigureListTest {

    @Inject
    UsageCounter usage;

    @Test
    void severalTagsCombineInTheListAndTheApi() {
        String tag = slug("t").replace("-", "");
        String both = slug("both");
        Map<String, Object> first = figure(both);
        first.put("tags", List.of("japan", tag));
        create(first);
        String one = slug("one");
        Map<String, Object> second = figure(one);
        second.put("tags", List.of(tag));
        create(second);

        given().queryParam("tag", "japan," + tag)
                .when()
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("items.slug", contains(both));
        given().queryParam("tag", tag).when().get("/api/stats").then().body("items.slug", contains(one, both));
        given().queryParam("tag", "a,b,c,d,e,f,g,h,i,j,k")
                .when()
                .get("/api/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");

        String page = editor().html("/editor?tag=japan," + tag.toUpperCase());
        assertThat(page).contains("/editor/figures/" + both + "\"").doesNotContain("/editor/figures/" + one + "\"");
    }

    @Test
    void searchFindsSlugsAndValuesAsEditorsTypeThem() {
        String slug = slug("findme");
        Map<String, Object> body = figure(slug);
        body.put("value", "123456789012");
        body.put("tags", List.of("findtest"));
        create(body);
        Session session = editor();
        assertThat(session.html("/editor?q=" + slug.substring(slug.length() - 8)))
                .contains("/editor/figures/" + slug + "\"");
        assertThat(session.html("/editor?q=123456789012")).contains("/editor/figures/" + slug + "\"");
        assertThat(session.html("/editor?q=123,456,789,012")).contains("/editor/figures/" + slug + "\"");
        // Percent and underscore in a search are plain characters, not patterns.
        assertThat(session.html("/editor?q=%25")).doesNotContain("/editor/figures/" + slug + "\"");
        assertThat(session.html("/editor?q=" + "x".repeat(3000))).contains("0 figures");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListShowsSourceAsOfAndWhereUsedAndSortsByThem() {
        String tag = slug("sort").replace("-", "");
        String zeta = slug("zeta");
        Map<String, Object> z = figure(zeta);
        z.put("tags", List.of(tag));
        z.put("asOf", "2020-06-01");
        z.put("asOfPrecision", "month");
        ((List<Map<String, Object>>) z.get("sources")).get(0).put("name", "Zeitung");
        create(z);
        String alpha = slug("alpha");
        Map<String, Object> a = figure(alpha);
        a.put("tags", List.of(tag));
        ((List<Map<String, Object>>) a.get("sources")).get(0).put("name", "Asahi");
        create(a);
        viewCard(alpha, "https://news.example/one");
        viewCard(alpha, "https://news.example/two");

        Session session = editor();
        String bySource = session.html("/editor?tag=" + tag + "&sort=source");
        assertThat(bySource.indexOf(alpha)).isLessThan(bySource.indexOf(zeta));
        assertThat(bySource).contains("<td>Zeitung</td>", "2020-06-01", "(month)", "source, A to Z");
        String byAsOf = session.html("/editor?tag=" + tag + "&sort=as-of-asc");
        assertThat(byAsOf.indexOf(zeta)).isLessThan(byAsOf.indexOf(alpha));
        // Views are written in batches; here, at once.
        usage.flush();
        assertThat(session.html("/editor?tag=" + tag + "&sort=used"))
                .contains("<td>2 articles</td>", "<td>0 articles</td>");
        String byUse = session.html("/editor?tag=" + tag + "&sort=used");
        assertThat(byUse.indexOf(alpha)).isLessThan(byUse.indexOf(zeta));
        assertThat(session.html("/editor?tag=" + tag + "&sort=nonsense")).contains("recently changed first");
    }

    @Test
    void duplicateOpensTheNewFigureFormWithACopyThatSavesAsANewDraft() {
        String slug = slug("original");
        create(figure(slug));
        String form = editor().html("/editor/new-figure?from=" + slug);
        assertThat(form)
                .contains("value=\"920000000000\"", "value=\"cumulative investment in Rapidus\"")
                .contains("Copied from " + slug)
                .contains("action=\"/editor/new-figure\"")
                .contains("<option value=\"draft\" selected>")
                .contains("value=\"ラピダスへの累計投資額\"");
        editor().page()
                .when()
                .get("/editor/new-figure?from=no-such-figure-x")
                .then()
                .statusCode(404);
    }
}
