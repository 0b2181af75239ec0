package dev.statcallouts.embed;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.SmallLimits;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Whatever options readers send, the card cache stays within its bytes and languages map onto few. */
@QuarkusTest
@TestProfile(SmallLimits.class)
class CardCacheBoundsTest {

    static final long MAX_BYTES = SmallLimits.CARD_CACHE_BYTES;

    @Inject
    CardCache cache;

    @Test
    void anyLanguageTagMapsOntoTheCardsLanguagesBeforeAnythingIsCached() {
        String slug = slug("langs");
        create(figure(slug));
        given().when().get("/embed/" + slug).then().statusCode(200).header("Content-Language", "en");
        cache.invalidateAll(Long.MAX_VALUE);
        given().when().get("/embed/" + slug).then().statusCode(200);
        long oneCard = weighedAbove(0); // the figure's own language
        given().queryParam("lang", "en").when().get("/embed/" + slug).then().statusCode(200);
        long twoCards = weighedAbove(oneCard); // and English asked for
        for (int i = 0; i < 300; i++) {
            given().queryParam("lang", "en-x-p" + i)
                    .when()
                    .get("/embed/" + slug)
                    .then()
                    .statusCode(200)
                    .header("Content-Language", "en");
            given().queryParam("lang", "pt-BR-x-q" + i)
                    .when()
                    .get("/embed/" + slug)
                    .then()
                    .statusCode(200)
                    .header("Content-Language", "en");
        }
        assertThat(cache.pageBytes()).isEqualTo(twoCards);
        given().queryParam("lang", "ja-JP")
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "ja")
                .body(containsString("<html lang=\"ja\">"));
        // A language the cards speak but the figure has no words in: its own, whole.
        given().queryParam("lang", "de-AT")
                .when()
                .get("/embed/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body(containsString("<html lang=\"en\">"));
        given().queryParam("lang", "pt-BR")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "en")
                .body("lang", equalTo("en"));
        given().queryParam("lang", "ja-JP")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "ja")
                .body("formatted", equalTo("9200億円"));
        given().queryParam("lang", "ja-x-anything")
                .when()
                .get("/s/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Language", "ja");
    }

    /**
     * The cache's bytes once they are above {@code before}: the cache weighs a card when its
     * render completes, which may be just after the card was sent.
     */
    long weighedAbove(long before) {
        return await().atMost(Duration.ofSeconds(5)).until(cache::pageBytes, bytes -> bytes > before);
    }

    @Test
    void accentsCannotGrowTheCacheBeyondItsBytes() {
        String slug = slug("accents");
        create(figure(slug));
        for (int i = 0; i < 400; i++) {
            given().queryParam("accent", String.format("%06x", i * 997))
                    .when()
                    .get("/embed/" + slug)
                    .then()
                    .statusCode(200);
        }
        assertThat(cache.pageBytes()).isPositive().isLessThanOrEqualTo(MAX_BYTES);
    }
}
