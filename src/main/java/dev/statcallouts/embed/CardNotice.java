package dev.statcallouts.embed;

/**
 * A small card that stands where a figure's card cannot be shown inside an article (unknown
 * figure, deleted collection, database away): a short sentence in the card's language and a
 * link to the permalink, styled like a card and reporting its height like one.
 *
 * @param css trusted stylesheet, inlined raw
 * @param script trusted card script, inlined raw
 */
public record CardNotice(
        String slug, String lang, String message, String linkText, String permalink, String css, String script) {}
