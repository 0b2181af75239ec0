package dev.statcallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.EditorSignIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same suite as the service runs by default, with no proxy in front (the tests' own
 * configuration reads forwarded headers): Vert.x itself then fails a request that names no host,
 * before any route, and the refusal comes from the failure handler. And a client's own
 * {@code X-Forwarded-For} then counts for nothing.
 */
@QuarkusTest
@TestProfile(UnreadableRequestsDirectTest.NoProxy.class)
class UnreadableRequestsDirectTest extends UnreadableRequestsTest {

    public static class NoProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding", "false",
                    "quarkus.http.proxy.allow-x-forwarded", "false");
        }
    }

    /** A guesser that names a new address in each request is still one address to the throttle. */
    @Test
    void claimedAddressesDoNotSpreadWrongPasswords() {
        String name = "nobody-direct";
        for (int i = 1; i <= 5; i++) {
            assertThat(EditorSignIn.signIn(name, "wrong password!", "203.0.113." + i)
                            .statusCode())
                    .as("wrong password %d", i)
                    .isEqualTo(401);
        }
        assertThat(EditorSignIn.signIn(name, "wrong password!", "203.0.113.6").statusCode())
                .isEqualTo(429);
    }
}
