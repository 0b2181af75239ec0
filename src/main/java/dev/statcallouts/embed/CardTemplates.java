package dev.statcallouts.embed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The card documents, type-checked at build time. */
@CheckedTemplate(basePath = "CardTemplates")
public class CardTemplates {

    /** A single figure's card: {@code templates/CardTemplates/card.html}. */
    public static native TemplateInstance card(CardPage page);

    /** A collection's cards with one reference list: {@code templates/CardTemplates/collection.html}. */
    public static native TemplateInstance collection(CardPage page);

    /** What an article shows where a card cannot be: {@code templates/CardTemplates/notice.html}. */
    public static native TemplateInstance notice(CardNotice notice);
}
