package dev.statcallouts.auth;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static dev.statcallouts.testsupport.TestData.figure;
import static dev.statcallouts.testsupport.TestData.slug;
import static dev.statcallouts.testsupport.TestData.token;
import static dev.statcallouts.testsupport.TestData.tokenId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A token holder's requests after the first read the token from memory, and every instance
 * forgets what it remembers the moment a token is revoked (across instances: MultiInstanceIT).
 */
@QuarkusTest
class TokenMemoryTest {

    @Inject
    TokenService tokens;

    @Inject
    SessionFactory sessions;

    /** How many times the token's query ran, in all. */
    private long tokenReads() {
        Statistics statistics = sessions.getStatistics();
        long reads = 0;
        for (String query : statistics.getQueries()) {
            if (query.contains("ApiToken") && query.contains("tokenHash")) {
                reads += statistics.getQueryStatistics(query).getExecutionCount();
            }
        }
        return reads;
    }

    /** Drafts: a read that needs a token that is not revoked. */
    private static int list(String secret) {
        return given().auth()
                .oauth2(secret)
                .when()
                .get("/api/stats?status=draft")
                .statusCode();
    }

    private static int issue(String secret) {
        return given().auth()
                .oauth2(secret)
                .contentType(ContentType.JSON)
                .body(figure(slug("remembered")))
                .when()
                .post("/api/stats")
                .statusCode();
    }

    private static void revoke(int id) {
        given().auth()
                .oauth2(ADMIN_TOKEN)
                .when()
                .delete("/api/tokens/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void aHoldersNextRequestsReadTheTokenFromMemoryUntilAnyTokenIsRevoked() {
        String secret = token("reader");
        assertThat(list(secret)).isEqualTo(200);
        assertThat(tokens.remembered(secret))
                .as("remembered after its first request")
                .isNotNull();
        long reads = tokenReads();
        for (int i = 0; i < 3; i++) {
            assertThat(list(secret)).isEqualTo(200);
        }
        assertThat(tokenReads()).as("no database read for a remembered token").isEqualTo(reads);

        String other = "other-" + slug("t");
        token("reader", other);
        revoke(tokenId(other));
        assertThat(tokens.remembered(secret))
                .as("forgotten when any token is revoked")
                .isNull();
        assertThat(list(secret)).isEqualTo(200);
        assertThat(tokenReads()).as("read again").isGreaterThan(reads);
    }

    @Test
    void aRememberedTokenIsRefusedAsSoonAsItIsRevoked() {
        String name = "revoked-" + slug("t");
        String secret = token("editor", name);
        assertThat(issue(secret)).isEqualTo(201);
        assertThat(list(secret)).isEqualTo(200);
        assertThat(tokens.remembered(secret)).isNotNull();
        revoke(tokenId(name));
        // No wait: the revoking instance forgets when the revocation commits.
        assertThat(issue(secret)).isEqualTo(403);
        assertThat(list(secret)).isEqualTo(403);
    }

    @Test
    void nothingIsRememberedWhileTheChangeFeedIsNotListening() {
        String secret = token("reader");
        tokens.remember(false);
        try {
            long reads = tokenReads();
            assertThat(list(secret)).isEqualTo(200);
            assertThat(list(secret)).isEqualTo(200);
            assertThat(tokens.remembered(secret)).isNull();
            assertThat(tokenReads()).as("every request reads its token").isEqualTo(reads + 2);
        } finally {
            // The feed listens in tests; it says so again only when it reconnects.
            tokens.remember(true);
        }
    }

    @Test
    void unknownSecretsAreNeverRemembered() {
        String guess = "sc_" + "0".repeat(43);
        assertThat(list(guess)).isEqualTo(401);
        assertThat(list(guess)).isEqualTo(401);
        assertThat(tokens.remembered(guess)).isNull();
    }
}
