package dev.statcallouts.editor;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.viewCard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn;
import dev.statcallouts.testsupport.EditorSignIn.Session;
import dev.statcallouts.usage.UsageCounter;
import io.quarkus.test.junit.QuarkusTest;

/** The figure page's "where used": embed views counted in memory, flushed, listed per page with a chart. */
@QuarkusTest
class FigureUsagePageTest {

    @Inject
    UsageCounter usage;

    @Test
    void theFigurePageListsThePagesThatEmbedIt() {
        Session session = EditorSignIn.editor();
        String slug = slug("where");
        create(figure(slug));
        for (int i = 0; i < 3; i++) {
            viewCard(slug, "https://news.example/2026/rapidus?utm_source=mail");
        }
        viewCard(slug, "https://blog.example/ai");
        usage.flush();
        String page = session.html("/editor/figures/" + slug);
        assertThat(page)
                .contains(
                        "4 views in the last 30 days on 2 pages",
                        "<td><a href=\"https://news.example/2026/rapidus\" rel=\"noreferrer noopener\">https://news.example/2026/rapidus</a></td><td>https://news.example</td><td>3</td>",
                        "src=\"/editor/figures/" + slug + "/usage.svg\"");
        // Before a retraction and in the edit form: how many articles it reaches, with links.
        assertThat(page.substring(page.indexOf("id=\"retract-title\"")))
                .contains(
                        "<strong>2 articles show this figure</strong>",
                        "each of them will show the retraction notice",
                        "<a href=\"https://blog.example/ai\"");
        assertThat(session.html("/editor/figures/" + slug + "/edit"))
                .contains(
                        "<strong>2 articles show this figure</strong>",
                        "a correction or update reaches every one of them",
                        "<a href=\"https://news.example/2026/rapidus\"");
        session.page()
                .when()
                .get("/editor/figures/" + slug + "/usage.svg")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .body(containsString("4 views from"));
    }
}
