package dev.statcallouts.embed;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The card documents, type-checked at build time. */
@CheckedTemplate(basePath = "StatCardTemplates")
public class StatCardTemplates {

    /** A single figure's card: {@code templates/StatCardTemplates/card.html}. */
    public static native TemplateInstance card(CardPage page);

    /** A collection's cards with one reference list: {@code templates/StatCardTemplates/collection.html}. */
    public static native TemplateInstance collection(CardPage page);
}
