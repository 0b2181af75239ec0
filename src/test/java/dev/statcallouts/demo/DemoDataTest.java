package dev.statcallouts.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    /** Starts the service the way the README's run command does: with the demo data. */
    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("statcallouts.demo.load", "true");
        }
    }

    @ParameterizedTest(name = "{0}: {1} / {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rapidus-investment         | ¥920 billion  | 9200億円",
                "rapidus-2nm                | 2\u00a0nm     | 2\u00a0nm",
                "genai-adoption             | 65%           | 65%",
                "ai-spending-2024           | $204 billion  | 2040億ドル",
                "gpt4-training-cost         | $100 million+ | 1億ドル+",
                "small-model-inference-cost | 100x          | 100x",
            })
    void theSixFiguresAreServedInEnglishAndJapanese(String slug, String en, String ja) {
        given().when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", equalTo(en))
                .body("status", equalTo("published"))
                .body("sources[0].url", startsWith("https://"));
        given().queryParam("lang", "ja")
                .when()
                .get("/api/stats/" + slug)
                .then()
                .statusCode(200)
                .body("formatted", equalTo(ja));
    }

    @Test
    void theRapidusFiguresSpeakJapanese() {
        given().queryParam("lang", "ja")
                .when()
                .get("/embed/rapidus-investment")
                .then()
                .statusCode(200)
                .header("Content-Language", "ja")
                .body(containsString("ラピダスへの累計投資額"), containsString(">ロイター</a>"));
        given().when().get("/api/stats/rapidus-2nm").then().body("translations.ja.label", equalTo("2027年までに量産開始"));
    }

    @Test
    void theAiCollectionHoldsTheFourAiFigures() {
        given().when()
                .get("/api/collections/ai-by-the-numbers")
                .then()
                .statusCode(200)
                .body(
                        "stats.slug",
                        contains(
                                "genai-adoption",
                                "ai-spending-2024",
                                "gpt4-training-cost",
                                "small-model-inference-cost"))
                .body("stats[0].sources[0].name", equalTo("McKinsey & Company"));
    }
}
