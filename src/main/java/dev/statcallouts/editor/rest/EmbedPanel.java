package dev.statcallouts.editor.rest;

import java.util.List;
import java.util.Locale;

import dev.statcallouts.common.Languages;
import dev.statcallouts.embed.CardOptions;
import dev.statcallouts.embed.EmbedSnippets;

/**
 * The embed panel of a figure's or collection's editor page: its options and the snippets they produce.
 *
 * @param action the page the options are applied on
 * @param cardUrl the saved card (any status) the panel previews
 */
public record EmbedPanel(
        String theme,
        String lang,
        boolean live,
        String cardQuery,
        List<EmbedSnippets.Labeled> snippets,
        String action,
        String cardUrl,
        boolean draft) {

    /** The languages offered to preview and embed in (a figure may be in any language). */
    static final List<String> LANGUAGES =
            Languages.SUPPORTED.stream().map(Locale::toLanguageTag).toList();

    /** The panel for a page at {@code path} (whose card is at {@code path/card}) with these options. */
    static EmbedPanel of(
            String path, CardOptions options, boolean live, List<EmbedSnippets.Labeled> snippets, boolean draft) {
        return new EmbedPanel(
                options.theme().name().toLowerCase(Locale.ROOT),
                options.lang() == null ? "" : options.lang().toLanguageTag(),
                live,
                options.query(),
                snippets,
                path,
                path + "/card",
                draft);
    }

    /** The live option as a query parameter gives it: present, and not "false". */
    static boolean live(String parameter) {
        return parameter != null && !parameter.isBlank() && !parameter.equals("false");
    }

    public List<String> languages() {
        return LANGUAGES;
    }

    /**
     * The card's picture to download, with the panel's options: a PNG 1200 px wide at twice the
     * density, or an SVG ({@code action} is the editor page of /s/… or /c/…).
     */
    public String picture(String format) {
        String path = action.replace("/editor/figures/", "/images/s/").replace("/editor/collections/", "/images/c/");
        String query = cardQuery.isEmpty() ? "" : cardQuery.substring(1) + "&";
        return path + "." + format + "?" + query + (format.equals("png") ? "w=1200&dpr=2" : "w=1200");
    }

    public List<String> themes() {
        return List.of("light", "dark", "auto");
    }
}
