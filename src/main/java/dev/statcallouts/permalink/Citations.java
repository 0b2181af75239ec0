package dev.statcallouts.permalink;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * "Cite this": a figure's page as APA, Chicago and BibTeX references and as CSL-JSON (what Zotero
 * and reference managers import). The site is the author, the last change the date.
 */
public record Citations(String apa, String chicago, String bibtex, String cslJson) {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter APA = DateTimeFormatter.ofPattern("yyyy, MMMM d", Locale.ENGLISH);

    public static Citations of(
            ObjectMapper json,
            String id,
            String title,
            String site,
            LocalDate modified,
            String url,
            List<String> sources) {
        String note = sources.isEmpty() ? "" : "Source: " + String.join(", ", sources);
        Map<String, Object> csl = new LinkedHashMap<>();
        csl.put("id", id);
        csl.put("type", "dataset");
        csl.put("title", title);
        csl.put("author", List.of(Map.of("literal", site)));
        csl.put(
                "issued",
                Map.of(
                        "date-parts",
                        List.of(List.of(modified.getYear(), modified.getMonthValue(), modified.getDayOfMonth()))));
        csl.put("URL", url);
        if (!note.isEmpty()) {
            csl.put("note", note);
        }
        String cslJson;
        try {
            cslJson = json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(List.of(csl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Citations(
                site + ". (" + APA.format(modified) + "). " + title + " [Data set]. " + url,
                site + ". \u201c" + title + ".\u201d Last modified " + LONG.format(modified) + ". " + url + ".",
                "@misc{" + id + ",\n  author = {{" + bibtex(site) + "}},\n  title = {" + bibtex(title)
                        + "},\n  year = {"
                        + modified.getYear() + "},\n  month = {" + modified.getMonthValue() + "},\n  url = {" + url
                        + "},\n  note = {" + bibtex(note) + "}\n}",
                cslJson);
    }

    /** BibTeX's special characters, escaped. */
    private static String bibtex(String text) {
        return text.replace("\\", "\\textbackslash{}")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("%", "\\%")
                .replace("&", "\\&")
                .replace("$", "\\$")
                .replace("#", "\\#")
                .replace("_", "\\_");
    }
}
