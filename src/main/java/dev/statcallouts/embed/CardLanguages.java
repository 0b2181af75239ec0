package dev.statcallouts.embed;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.statcallouts.common.Languages;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** A card's words in the language it is shown in ({@link Languages#SUPPORTED}). */
public final class CardLanguages {

    /** One bundle per supported language, looked up once: every card render asks. */
    private static final Map<String, CardWords> WORDS = new ConcurrentHashMap<>();

    private CardLanguages() {}

    /** The words in this locale's language, or in English where it has none of its own. */
    public static CardWords words(Locale locale) {
        String language = Languages.SUPPORTED.stream()
                .map(Locale::getLanguage)
                .filter(locale.getLanguage()::equals)
                .findFirst()
                .orElse("en");
        return WORDS.computeIfAbsent(language, l -> MessageBundles.get(CardWords.class, Localized.Literal.of(l)));
    }
}
