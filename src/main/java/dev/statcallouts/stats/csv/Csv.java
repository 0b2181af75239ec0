package dev.statcallouts.stats.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV through Apache Commons CSV: comma-separated, double-quoted fields may hold commas,
 * quotes ("") and line breaks; blank lines are skipped.
 */
public final class Csv {

    // Blank lines are records here, skipped below: the parser's own skipping would report the
    // next record as starting on the blank line.
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private Csv() {}

    /** One record and the line of the text it starts on (1-based), whatever came before it. */
    public record Row(int line, List<String> cells) {}

    /** The records of a CSV text; throws IllegalArgumentException for malformed CSV (an unterminated quote). */
    public static List<Row> parse(String text) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        LineCounter lines = new LineCounter(input);
        try (CSVParser parser = CSVParser.parse(new StringReader(input), FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                int line = lines.lineAt(record.getCharacterPosition());
                if (cells.size() > 1 || !cells.get(0).isBlank()) {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException(
                    e.getMessage() == null ? "a quoted field is not closed" : e.getMessage(), e);
        }
        return rows;
    }

    /** Lines of a text counted once, front to back, as records come in order. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        /** The 1-based line of a character position at or after the last one asked (CRLF is one break). */
        int lineAt(long target) {
            for (; position < target && position < text.length(); position++) {
                char c = text.charAt(position);
                boolean crlf = c == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n';
                if (c == '\n' || (c == '\r' && !crlf)) {
                    line++;
                }
            }
            return line;
        }
    }

    /** One CSV line (CRLF-terminated), quoting the fields that need it. */
    public static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(line, FORMAT)) {
            printer.printRecord(fields.stream().map(f -> f == null ? "" : f).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }
}
