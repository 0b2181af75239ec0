package dev.statcallouts.editor.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.qute.TemplateExtension;

/** How the editors' pages show times and lists. */
@TemplateExtension
public class EditorFormats {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** "2026-11-28 17:43 UTC": precise enough to tell two saves apart, the same for every editor. */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** A machine-readable time for {@code <time datetime>}: HTML allows at most milliseconds. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A field path in the form's words: "sources[1].url" → "Source 2, address". */
    static String formWords(String field) {
        return FormWords.of(field);
    }

    static String joined(List<String> items) {
        return String.join(", ", items);
    }
}
