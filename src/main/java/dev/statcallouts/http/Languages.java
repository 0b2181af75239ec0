package dev.statcallouts.http;

import java.util.Locale;

import dev.statcallouts.validation.LanguageTag;

/** The {@code lang} query parameter of the API. */
public final class Languages {

    private Languages() {
    }

    /** The requested formatting language, or null (each figure's own) when none was asked for. */
    public static Locale parse(String lang) {
        if (lang == null || lang.isBlank()) {
            return null;
        }
        Locale locale = LanguageTag.Validator.parse(lang);
        if (locale == null) {
            throw ProblemException.badRequest("lang", "must be a BCP 47 language tag such as en, ja or pt-BR");
        }
        return locale;
    }
}
