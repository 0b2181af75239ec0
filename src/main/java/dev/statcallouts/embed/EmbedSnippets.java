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
     * The oEmbed {@code html}: one iframe, and nothing a script embed on the same page would turn
     * into a second card. It fills its column up to the width asked for ({@code width="100%"}:
     * WordPress's filter drops the style, and a fixed width would widen a phone's page) with a
     * height that fits every host from 320 px; WordPress and embed.js then set the height the
     * card reports. Before it, the fact as text in a hidden blockquote: WordPress loads its
     * resizing and link script only for embeds with one, strips the style and shows the text
     * until the card reports in; hosts that keep the markup as it is show only the card.
     */
    public static native TemplateInstance oembed(Snippet snippet);

    /**
     * A plain iframe for any page, filling its column up to the default width, then embed.js,
     * which sets the height the card reports; without the script its reserved height fits
     * every host from 320 px.
     */
    public static native TemplateInstance iframe(Snippet snippet);

    /** {@code amp-iframe}, resizable, with the fallback text as its overflow placeholder. */
    public static native TemplateInstance amp(Snippet snippet);

    /** The script embed: the whole fact as a blockquote (readable without JavaScript), then embed.js. */
    public static native TemplateInstance script(Snippet snippet);

    /** A plain link with the whole fact as its text, for newsletters and feeds. */
    public static native TemplateInstance link(Snippet snippet);

    public static native TemplateInstance newsletter(
            String permalink, String picture, String sentence, int width, int height);

    /**
     * What a snippet needs.
     *
     * @param embedUrl the card document, with the reader options
     * @param sentence the whole fact as text
     * @param width the widest the card is shown at
     * @param height a height that fits the card in every host from {@link CardHeight#NARROWEST_HOST} px
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

    /** The snippet of a figure's card. */
    public static Snippet figure(
            FigureCard card, String embedUrl, String permalink, String scriptUrl, int width, List<Option> options) {
        return new Snippet(
                card.slug(),
                embedUrl,
                permalink,
                card.title(),
                card.sentence(),
                width,
                CardHeight.estimate(card, Math.min(width, CardHeight.NARROWEST_HOST)),
                "data-stat",
                scriptUrl,
                options);
    }

    /** The snippet of a collection's card. */
    public static Snippet collection(
            CardPage page, String embedUrl, String permalink, String scriptUrl, int width, List<Option> options) {
        return new Snippet(
                page.slug(),
                embedUrl,
                permalink,
                page.title(),
                page.sentence(),
                width,
                CardHeight.estimateCollection(page, Math.min(width, CardHeight.NARROWEST_HOST)),
                "data-collection",
                scriptUrl,
                options);
    }

    /** A reader option on the script embed: {@code data-name="value"}. */
    public record Option(String name, String value) {}

    /** A snippet ready to show: an id for its element, what it is for, the code. */
    public record Labeled(String id, String label, String code) {}

    /** Width in CSS pixels of the picture a newsletter shows (drawn at twice that for sharp screens). */
    public static final int NEWSLETTER_WIDTH = 600;

    /**
     * The snippet for newsletters and feeds, where no frame or script runs: the card's picture,
     * linked to its permalink, with the one-sentence reading as its text alternative.
     */
    public static Labeled newsletter(String permalink, String picture, String sentence, int height) {
        return new Labeled(
                "newsletter",
                "Newsletter (the card as a picture, linked to its page; no script or frame)",
                code(newsletter(permalink, picture, sentence, NEWSLETTER_WIDTH, height)));
    }

    /** Every snippet of a figure or collection, in the order editors reach for them. */
    public static List<Labeled> all(Snippet snippet, String scriptLabel) {
        return List.of(
                new Labeled("link", "Link (paste into WordPress, Ghost, Notion…: oEmbed)", snippet.permalink()),
                new Labeled("script", scriptLabel, code(script(snippet))),
                new Labeled("iframe", "iframe (resizes itself with embed.js)", code(iframe(snippet))),
                new Labeled("amp", "AMP", code(amp(snippet))),
                new Labeled("plain", "Plain link (newsletters, feeds)", code(link(snippet))));
    }

    /**
     * A snippet as editors copy it. Qute escapes apostrophes too; every attribute here is
     * double-quoted, so a plain {@code '} is safe and reads as the editor wrote it ("Japan's").
     */
    public static String code(TemplateInstance snippet) {
        return snippet.render().strip().replace("&#39;", "'");
    }
}
