package dev.statcallouts.embed;

import static dev.statcallouts.testsupport.TestData.create;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** While PostgreSQL is unreachable, cached cards keep being served and the rest answers 503. */
@QuarkusTest
@TestProfile(DatabaseDownTest.ShortAcquisitionTimeout.class)
class DatabaseDownTest {

    public static class ShortAcquisitionTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void cachedCardsOutliveTheDatabase() throws Exception {
        String warm = slug("warm");
        String cold = slug("cold");
        create(figure(warm));
        create(figure(cold));
        // Past the change feed's second invalidation of these new figures, then warm the cache.
        Thread.sleep(1500);
        given().when().get("/embed/" + warm).then().statusCode(200);

        // Cut the service off from the database: shrink the pool to one connection and hold it,
        // so every request's attempt to get one fails, as it would with PostgreSQL gone.
        var pool = dataSource.getConfiguration().connectionPoolConfiguration();
        int maxSize = pool.maxSize();
        int minSize = pool.minSize();
        pool.setMinSize(0);
        pool.setMaxSize(1);
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
        // Agroal flushes in its housekeeping thread: the one connection is ours once the old ones went.
        try (Connection held = await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(dataSource::getConnection, Objects::nonNull)) {
            dataSource.flush(AgroalDataSource.FlushMode.IDLE);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> given().when().get("/api/stats/" + warm).statusCode() == 503);
            given().when().get("/embed/" + warm).then().statusCode(200).body(containsString("¥920 billion"));
            given().when()
                    .get("/embed/" + cold)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503))
                    .body(not(containsString("Exception")));
            // In an article the reader sees a small card that says so, not a problem document.
            given().header("Accept", "text/html")
                    .when()
                    .get("/embed/" + cold)
                    .then()
                    .statusCode(503)
                    .contentType(containsString("text/html"))
                    .header("Retry-After", "30")
                    .body(containsString("It cannot be shown just now"), not(containsString("Exception")));
            given().when().get("/api/stats/" + warm).then().statusCode(503).contentType("application/problem+json");
            given().port(TestData.MANAGEMENT_PORT)
                    .when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503);
        } finally {
            pool.setMaxSize(maxSize);
            pool.setMinSize(minSize);
        }
        given().when().get("/embed/" + cold).then().statusCode(200);
    }
}
