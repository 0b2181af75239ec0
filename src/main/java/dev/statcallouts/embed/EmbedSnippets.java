package dev.statcallouts.embed;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The HTML an editor pastes, or an oEmbed consumer receives. Rendered by Qute, so every value
 * in an attribute or text is escaped; the results are shown (escaped again) on permalink pages.
 */
@CheckedTemplate(basePath = "EmbedSnippets")
public class EmbedSnippets {

    /**
     * The oEmbed {@code html}: a WordPress-style blockquote carrying the whole fact as text and a
     * link, then the iframe (no height attribute: the card reports its own).
     */
    public static native TemplateInstance oembed(Snippet snippet);

    /** A plain iframe for any page, with a height that fits the card at the default width. */
    public static native TemplateInstance iframe(Snippet snippet);

    /** {@code amp-iframe}, resizable, with the fallback text as its overflow placeholder. */
    public static native TemplateInstance amp(Snippet snippet);

    /** The script embed: the whole fact as a blockquote (readable without JavaScript), then embed.js. */
    public static native TemplateInstance script(Snippet snippet);

    /** A plain link with the whole fact as its text, for newsletters and feeds. */
    public static native TemplateInstance link(Snippet snippet);

    /**
     * What a snippet needs.
     *
     * @param embedUrl the card document, with the reader options
     * @param sentence the whole fact as text
     * @param dataAttribute {@code data-stat} or {@code data-collection}, for the script embed
     * @param scriptUrl where embed.js is served
     * @param options the reader options (theme, lang, live) as the script embed's data- attributes
     */
    public record Snippet(
            String slug,
            String embedUrl,
            String permalink,
            String title,
            String sentence,
            int width,
            int height,
            String dataAttribute,
            String scriptUrl,
            List<Option> options) {}

    /** A reader option on the script embed: {@code data-name="value"}. */
    public record Option(String name, String value) {}

    /** A snippet ready to show: an id for its element, what it is for, the code. */
    public record Labeled(String id, String label, String code) {}

    /** Every snippet of a figure or collection, in the order editors reach for them. */
    public static List<Labeled> all(Snippet snippet, String scriptLabel) {
        return List.of(
                new Labeled("link", "Link (paste into WordPress, Ghost, Notion…: oEmbed)", snippet.permalink()),
                new Labeled("script", scriptLabel, script(snippet).render().strip()),
                new Labeled("iframe", "iframe", iframe(snippet).render().strip()),
                new Labeled("amp", "AMP", amp(snippet).render().strip()),
                new Labeled(
                        "plain",
                        "Plain link (newsletters, feeds)",
                        link(snippet).render().strip()));
    }
}
