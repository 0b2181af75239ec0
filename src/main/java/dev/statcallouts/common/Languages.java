package dev.statcallouts.common;

import java.util.List;
import java.util.Locale;

import dev.statcallouts.validation.LanguageTag;

/**
 * The {@code lang} a reader asks for, mapped onto the languages cards speak before anything is
 * formatted or cached: whatever a reader sends, at most these few languages (and each figure's
 * own) are ever formatted, so no request can add to a cache.
 */
public final class Languages {

    /** The languages cards have words for. */
    public static final List<Locale> SUPPORTED =
            List.of(Locale.ENGLISH, Locale.JAPANESE, Locale.GERMAN, Locale.FRENCH, Locale.forLanguageTag("es"));

    /** Their language codes ("ja"), as translations are keyed. */
    public static final List<String> CODES =
            SUPPORTED.stream().map(Locale::getLanguage).toList();

    private Languages() {}

    /**
     * The key a translation into {@code lang} is kept under ("ja"): only languages cards speak, and
     * not the figure's own ({@code original}), which its label already is. Anything else is refused.
     */
    public static String translationKey(String lang, String original) {
        Locale requested = lang == null ? null : LanguageTag.Validator.parse(lang);
        String field = "translations[" + lang + "]";
        if (requested == null) {
            throw DomainException.invalid(field, "must be keyed by a language tag such as ja or de");
        }
        String language = requested.getLanguage();
        if (SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw DomainException.invalid(field, "cards speak en, ja, de, fr and es; no translation into " + lang);
        }
        if (Locale.forLanguageTag(original).getLanguage().equals(language)) {
            throw DomainException.invalid(field, "is the figure's own language: its label is already in it");
        }
        return language;
    }

    /**
     * The supported language a {@code lang} parameter asks for ("de-AT" → de), or null for the
     * figure's own: when none was asked for, or one the cards do not speak. A malformed tag is a 400.
     */
    public static Locale parse(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        Locale requested = LanguageTag.Validator.parse(lang);
        if (requested == null) {
            throw DomainException.malformed("lang", "must be a BCP 47 language tag such as en, ja or pt-BR");
        }
        for (Locale supported : SUPPORTED) {
            if (supported.getLanguage().equals(requested.getLanguage())) {
                return supported;
            }
        }
        return null;
    }
}
