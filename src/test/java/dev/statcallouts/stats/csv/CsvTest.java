package dev.statcallouts.stats.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void recordsKeepTheLineTheyStartOn() {
        String text = "\uFEFFslug,context\r\na,\"two\r\nlines\"\r\n\r\nb,\"say \"\"hi\"\", twice\"\nc,x";
        assertThat(Csv.parse(text))
                .containsExactly(
                        new Csv.Row(1, List.of("slug", "context")),
                        new Csv.Row(2, List.of("a", "two\r\nlines")),
                        new Csv.Row(5, List.of("b", "say \"hi\", twice")),
                        new Csv.Row(6, List.of("c", "x")));
    }

    @Test
    void anUnterminatedQuoteIsRefused() {
        assertThatThrownBy(() -> Csv.parse("a,\"open\r\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesQuoteOnlyWhatNeedsItAndReadBackTheSame() {
        List<String> fields = List.of("plain", "a,b", "say \"hi\"", "two\nlines", "");
        String line = Csv.line(fields);
        assertThat(line).startsWith("plain,\"a,b\",\"say \"\"hi\"\"\",").endsWith("\r\n");
        assertThat(Csv.parse(line).get(0).cells()).isEqualTo(fields);
    }
}
