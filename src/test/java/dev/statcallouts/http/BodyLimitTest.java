package dev.statcallouts.http;

import static dev.statcallouts.testsupport.TestData.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bodies are bounded on every route, chunked or not, and anonymous uploads are not read at all. */
@QuarkusTest
class BodyLimitTest {

    @TestHTTPResource("/")
    URI base;

    /** Sends headers and {@code chunks} chunks of 64 KB (never the last one unless asked), and returns the status line. */
    private String chunked(String head, int chunks, boolean finish) throws Exception {
        return chunked(head, "", chunks, finish);
    }

    /** The same, the body starting with {@code prefix}. */
    private String chunked(String head, String prefix, int chunks, boolean finish) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[65536];
            Arrays.fill(chunk, (byte) 'a');
            try {
                if (!prefix.isEmpty()) {
                    out.write((Integer.toHexString(prefix.length()) + "\r\n" + prefix + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                for (int i = 0; i < chunks; i++) {
                    out.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (finish) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedEarly) {
                // the server answered and closed before taking it all: what we want to see
            }
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    @Test
    void anAnonymousUploadIsAnsweredBeforeItsBodyIsRead() throws Exception {
        // One chunk and then nothing: a server waiting for the body would never answer.
        assertThat(chunked(
                        "POST /editor/transfer HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=x\r\n",
                        1,
                        false))
                .isEqualTo("HTTP/1.1 303 See Other");
        assertThat(chunked(
                        "POST /editor/new-figure HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                + "Sec-Fetch-Site: cross-site\r\n",
                        1,
                        false))
                .isEqualTo("HTTP/1.1 303 See Other");
    }

    @Test
    void chunkedBodiesStopAtTheLimitOnEveryRoute() throws Exception {
        // 3 MB: past the 2 MB that any route takes, on a form route open to anyone.
        assertThat(chunked(
                        "POST /editor/login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n", 48, true))
                .isEqualTo("HTTP/1.1 413 Request Entity Too Large");
        // JSON stops at its own 64 KB (here inside one long string).
        assertThat(chunked(
                        "POST /api/stats HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                                + ADMIN_TOKEN + "\r\n",
                        "{\"label\": \"",
                        4,
                        true))
                .startsWith("HTTP/1.1 413");
    }
}
