package dev.statcallouts.stats.rest;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.pastMemory;
import static dev.statcallouts.testsupport.TestData.slug;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A public read of one figure loads it with its sources, tags and translations in one query: no
 * read fetches those collections one by one afterwards (what the API's and oEmbed's reads did).
 * Requests carry a token, so that they are never answered from memory.
 */
@QuarkusTest
class ReadQueriesTest {

    private static final List<String> COLLECTIONS = List.of("sources", "tags", "translations");

    @Inject
    SessionFactory sessions;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/stats/%s",
                "/api/stats/%s?lang=ja",
                "/s/%s",
                "/oembed?url=%2$s/s/%1$s",
                "/embed/%s?theme=dark",
                "/s/%s/data.json"
            })
    void oneFigureIsReadWithoutLoadingItsCollectionsOneByOne(String path) {
        String slug = slug("queries");
        create(figure(slug));
        String url = String.format(path, slug, RestAssured.baseURI + ":" + RestAssured.port);
        Statistics statistics = sessions.getStatistics();
        long before = lazyFetches(statistics);
        long statsLoadedBefore =
                statistics.getEntityStatistics("dev.statcallouts.stats.Stat").getLoadCount();
        for (int i = 0; i < 3; i++) {
            pastMemory().when().get(url).then().statusCode(200);
        }
        assertThat(statistics.getEntityStatistics("dev.statcallouts.stats.Stat").getLoadCount())
                .as("the figure was read")
                .isGreaterThan(statsLoadedBefore);
        assertThat(lazyFetches(statistics))
                .as("collections of Stat fetched one by one for " + url)
                .isEqualTo(before);
    }

    /** The list's own queries (ListQueriesTest shows which run for which page) answer every page. */
    @Test
    void everyPageOfAListCountsItsFigures() {
        String tag = slug("queries-page");
        for (int i = 0; i < 3; i++) {
            create(figure(slug("queries-page"), tag));
        }
        assertPage(tag, 1, 20, 3, 3);
        assertPage(tag, 2, 2, 3, 1);
        assertPage(tag, 3, 2, 3, 0); // past the last: the count only
        assertPage(slug("queries-none"), 1, 20, 0, 0);
    }

    private static void assertPage(String tag, int page, int size, int total, int items) {
        pastMemory()
                .queryParam("tag", tag)
                .queryParam("page", page)
                .queryParam("size", size)
                .get("/api/stats")
                .then()
                .statusCode(200)
                .body("total", equalTo(total))
                .body("items", hasSize(items));
    }

    private static long lazyFetches(Statistics statistics) {
        long fetches = 0;
        for (String collection : COLLECTIONS) {
            fetches += statistics
                    .getCollectionStatistics("dev.statcallouts.stats.Stat." + collection)
                    .getFetchCount();
        }
        return fetches;
    }
}
