package dev.statcallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests that cannot be answered as they are get a problem document, and write nothing to the
 * log: any client can send as many as it likes.
 */
@QuarkusTest
class UnreadableRequestsTest {

    @TestHTTPResource("/")
    URI base;

    private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("").removeHandler(capture);
    }

    /** The whole answer to a request of this head alone, the connection closed after it. */
    private String exchange(String head) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET /s/nothing-here HTTP/1.1~Connection: close~~|400|a Host header",
                "GET /api/stats HTTP/1.1~Host: not a host~Connection: close~~|400|a Host header",
                "GET /embed/nothing-here HTTP/1.1~Host: exa%ZZmple~Accept: text/html~Connection: close~~|400|a Host header",
                "GET * HTTP/1.1~Host: localhost~Connection: close~~|404|no such resource",
                "GET api/stats HTTP/1.1~Host: localhost~Connection: close~~|404|no such resource",
            })
    void refusedBeforeAnyRouteIsAProblemAndNoLogLine(String request, int status, String detail) throws Exception {
        int logged = warnings.size();
        // Each ~ is a line's end (CR LF).
        String answer = exchange(request.replace("~", "\r\n"));
        assertThat(warnings).as("warnings and errors logged").hasSize(logged);
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).contains("content-type: application/problem+json").contains("cache-control: no-store");
        assertThat(answer).contains("\"status\":" + status).contains(detail).doesNotContain("Internal Server Error");
    }

    @ParameterizedTest
    @CsvSource({"/api/stats", "/api/stats/import"})
    void aBodyOverTheHttpLayersLimitIsAProblem(String path) throws Exception {
        int logged = warnings.size();
        // Only the head: the answer comes before any of the body is read.
        String answer = exchange(
                "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + 3 * 1024 * 1024 + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":413");
        assertThat(warnings).as("warnings and errors logged").hasSize(logged);
    }
}
