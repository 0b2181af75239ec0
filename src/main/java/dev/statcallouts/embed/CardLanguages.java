package dev.statcallouts.embed;

import java.util.Locale;

import dev.statcallouts.common.Languages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** A card's words in the language it is shown in ({@link Languages#SUPPORTED}). */
public final class CardLanguages {

    private CardLanguages() {}

    /** The words in this locale's language, or in English where it has none of its own. */
    public static CardWords words(Locale locale) {
        String language = switch (locale.getLanguage()) {
            case "ja", "de", "fr", "es" -> locale.getLanguage();
            default -> "en";
        };
        return MessageBundles.get(CardWords.class, Localized.Literal.of(language));
    }
}
