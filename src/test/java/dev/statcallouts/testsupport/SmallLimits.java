package dev.statcallouts.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The limits on what readers can make the service hold, set small enough for a test to reach them. */
public class SmallLimits implements QuarkusTestProfile {

    public static final long CARD_CACHE_BYTES = 256 * 1024;
    public static final int STREAMS = 5;
    public static final int STREAMS_PER_ADDRESS = 3;
    public static final int IDLE_TIMEOUT_SECONDS = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "statcallouts.embed.cache-max-bytes",
                String.valueOf(CARD_CACHE_BYTES),
                "statcallouts.live.max-streams",
                String.valueOf(STREAMS),
                "statcallouts.live.max-streams-per-address",
                String.valueOf(STREAMS_PER_ADDRESS),
                "statcallouts.live.max-stream-lifetime",
                "3s",
                "quarkus.http.idle-timeout",
                IDLE_TIMEOUT_SECONDS + "s",
                // Streams stay open past the idle timeout by their heartbeats, as in production.
                "statcallouts.live.heartbeat",
                "1s");
    }
}
