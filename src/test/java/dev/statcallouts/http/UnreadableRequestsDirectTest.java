package dev.statcallouts.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The same suite as the service runs by default, with no proxy in front (the tests' own
 * configuration reads forwarded headers): Vert.x itself then fails a request that names no host,
 * before any route, and the refusal comes from the failure handler.
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
}
