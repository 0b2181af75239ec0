package dev.statcallouts.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void aKeptBodyIsGzippedOnceWhenFirstAskedFor() throws IOException {
        byte[] body = "{\"items\":[],\"page\":77,\"size\":20,\"total\":6} ¥920 billion — 9200億円"
                .repeat(20)
                .getBytes(StandardCharsets.UTF_8);
        Gzip.Later later = new Gzip.Later(body);
        byte[] first = later.bytes();
        assertThat(later.bytes()).as("made once, then the same bytes").isSameAs(first);
        assertThat(first.length).isLessThan(body.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(first))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }
}
