package dev.statcallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.statcallouts.testsupport.SmallLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Connections that send nothing, or stop halfway through a request, are closed after the idle timeout. */
@QuarkusTest
@TestProfile(SmallLimits.class)
class IdleConnectionsTest {

    @TestHTTPResource("/")
    URI base;

    /** Seconds until the server closed a connection that sent {@code sent} and then nothing. */
    private double secondsUntilClosed(String sent) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            long start = System.nanoTime();
            socket.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server says before it closes
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    @Test
    void idleAndHalfSentConnectionsAreClosed() throws Exception {
        assertThat(secondsUntilClosed("")).isBetween(1.0, SmallLimits.IDLE_TIMEOUT_SECONDS + 3.0);
        assertThat(secondsUntilClosed("GET /api/stats HTTP/1.1\r\nHost: localhost\r\n"))
                .isBetween(1.0, SmallLimits.IDLE_TIMEOUT_SECONDS + 3.0);
    }
}
