package dev.statcallouts.live;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.StoppingInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * At shutdown the change feed's listener has ended before the bean container goes: its last step
 * needs it, and a listener still running then died with an injection error on standard error.
 */
@QuarkusTest
@TestProfile(StoppingInstance.class)
class ChangeFeedShutdownTest {

    @Inject
    ChangeFeed feed;

    private static boolean listening() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("change-feed") && thread.isAlive());
    }

    @Test
    void theListenerHasEndedWhenShutdownGoesOn() {
        assertThat(listening()).as("listening before").isTrue();
        feed.stop(new ShutdownEvent());
        assertThat(listening()).as("listening after").isFalse();
        assertThat(feed.isConnected()).isFalse();
    }
}
