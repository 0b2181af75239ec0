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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.statcallouts.testsupport.TestData;
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
        return exchange(base.getPort(), head);
    }

    /** The whole answer to a GET of this address as sent, with a Host and nothing else. */
    private String get(int port, String address) throws Exception {
        return exchange(port, "GET " + address + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private String exchange(int port, String head) throws Exception {
        try (Socket socket = new Socket(base.getHost(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
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

    private static String figure;

    /** The answer to a GET of this address as sent, after the one 308 that escapes it, if it gets one. */
    private String followed(int port, String address) throws Exception {
        String answer = get(port, address);
        if (answer.startsWith("HTTP/1.1 308 ")) {
            Matcher location = Pattern.compile("(?im)^location: (\\S+)").matcher(answer);
            assertThat(location.find()).as("a Location").isTrue();
            // The request line is read byte by byte: UTF-8 in it arrives as one character per byte.
            String asRead = new String(address.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            assertThat(location.group(1)).isEqualTo(UnreadableRequests.escaped(asRead));
            answer = get(port, location.group(1));
        }
        return answer;
    }

    /**
     * What browsers send as it is in a query, and a URI may not hold so (a shared link's ad macro
     * left in, a search with a bar, a {@code %} that starts no escape), or a raw byte past ASCII:
     * sent on (308) to the same address escaped, never refused with an empty 400, never logged. FIGURE stands for
     * a published figure's slug.
     */
    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            value = {
                "/s/FIGURE?utm_term={keyword}&lang=ja -> 200 -> <html lang=\"ja\">",
                "/s/FIGURE?utm_campaign=50%off&ref=a^b -> 200 -> <html lang=\"en\">",
                "/embed/FIGURE?utm_content=[ad]|{name} -> 200 -> <html lang=\"en\"",
                "/api/stats?q=AI|ML&size=1 -> 200 -> \"items\":",
                "/api/stats/FIGURE?lang=ja|x -> 400 -> lang: must be a BCP 47 language tag",
                "/api/stats/FIGURE%ZZ -> 404 -> There is no such",
                "/s/日本 -> 404 -> There is no such",
                "http://localhost/api/stats?q={x} -> 400 -> address could not be read",
                // A '%' that a ';' follows: the REST layer's own UriInfo.getPath() decodes it twice.
                "/s/a%25;b -> 404 -> There is no such",
                "/api/stats/FIGURE%25; -> 404 -> There is no such",
                "/editor/x%;b -> 404 -> <html",
            })
    void addressesAsBrowsersSendThemAreRead(String address, int status, String expected) throws Exception {
        if (figure == null) {
            figure = TestData.slug("unescaped");
            TestData.create(TestData.figure(figure));
        }
        int logged = warnings.size();
        String answer = followed(base.getPort(), address.replace("FIGURE", figure));
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        if (status >= 400 && !expected.startsWith("<")) { // the editors' pages refuse as a page
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        }
        assertThat(answer).contains(expected);
        assertThat(warnings).as("warnings and errors logged").hasSize(logged);
    }

    /** The request metrics name such a request by no address of the client's own: one series for all. */
    @Test
    void theirMetricsNameNoAddress() throws Exception {
        String marker = TestData.slug("unreadable-metric");
        get(base.getPort(), "/s/" + marker + "?utm={x}");
        String metrics = get(TestData.MANAGEMENT_PORT, "/q/metrics");
        assertThat(metrics)
                .contains("status=\"308\",uri=\"/{unreadable address}\"")
                .doesNotContain(marker);
    }

    /** The management port's router reads them the same way (its health checks are polled by URLs operators write). */
    @ParameterizedTest
    @CsvSource(
            delimiterString = " -> ",
            value = {"/q/health/live?probe={id} -> 200", "/q/health/live%ZZ -> 404"})
    void theManagementPortReadsThemToo(String address, int status) throws Exception {
        int logged = warnings.size();
        String answer = followed(TestData.MANAGEMENT_PORT, address);
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(warnings).as("warnings and errors logged").hasSize(logged);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/stats?q=AI|ML, /api/stats?q=AI%7CML",
        "/s/x?utm_term={keyword}, /s/x?utm_term=%7Bkeyword%7D",
        "/s/x?a=50%off&b=%41%4a, /s/x?a=50%25off&b=%41%4a",
        "/s/x?c=%, /s/x?c=%25",
        "/s/x?c=%4, /s/x?c=%254",
        "/s/x?d=\"<>\\^`[], /s/x?d=%22%3C%3E%5C%5E%60%5B%5D",
        "/s/\u00e6\u0097\u00a5, /s/%E6%97%A5",
    })
    void escapedAsABrowserEscapesAPath(String sent, String read) {
        assertThat(UnreadableRequests.escaped(sent)).isEqualTo(read);
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
