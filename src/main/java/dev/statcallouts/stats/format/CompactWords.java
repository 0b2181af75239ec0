package dev.statcallouts.stats.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * CLDR's compact long words for the languages whose plural forms JDK 17's CompactNumberFormat
 * gets wrong ("920 milliard", "1 Milliarden", "1 billones"; fixed in later JDKs). The numbers
 * themselves are still formatted by the JDK for the locale.
 */
record CompactWords(List<Word> words, Predicate<BigDecimal> isOne) {

    /** The words of one power of ten, singular and plural. */
    record Word(int exponent, String one, String other) {}

    private static final Map<String, CompactWords> BY_LANGUAGE = Map.of(
            "fr",
                    new CompactWords(
                            List.of(
                                    new Word(3, "millier", "mille"),
                                    new Word(6, "million", "millions"),
                                    new Word(9, "milliard", "milliards"),
                                    new Word(12, "billion", "billions")),
                            // French "one" is any number whose integer part is 0 or 1: "1,5 million".
                            n -> n.abs().compareTo(BigDecimal.valueOf(2)) < 0),
            "de",
                    new CompactWords(
                            List.of(
                                    new Word(3, "Tausend", "Tausend"),
                                    new Word(6, "Million", "Millionen"),
                                    new Word(9, "Milliarde", "Milliarden"),
                                    new Word(12, "Billion", "Billionen")),
                            n -> n.compareTo(BigDecimal.ONE) == 0 && n.scale() <= 0),
            "es",
                    new CompactWords(
                            List.of(
                                    new Word(3, "mil", "mil"),
                                    new Word(6, "millón", "millones"),
                                    new Word(9, "mil millones", "mil millones"),
                                    new Word(12, "billón", "billones")),
                            n -> n.compareTo(BigDecimal.ONE) == 0));

    static Optional<CompactWords> forLanguage(String language) {
        return Optional.ofNullable(BY_LANGUAGE.get(language));
    }

    String format(BigDecimal value, Locale locale) {
        int magnitude = value.abs().precision() - value.scale() - 1;
        Word word = words.get(0);
        for (Word candidate : words) {
            if (magnitude >= candidate.exponent()) {
                word = candidate;
            }
        }
        BigDecimal mantissa = round(value, word);
        int index = words.indexOf(word);
        if (mantissa.abs().compareTo(BigDecimal.valueOf(1000)) >= 0 && index + 1 < words.size()) {
            word = words.get(index + 1);
            mantissa = round(value, word);
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, mantissa.scale()));
        return format.format(mantissa) + " " + (isOne.test(mantissa) ? word.one() : word.other());
    }

    private static BigDecimal round(BigDecimal value, Word word) {
        BigDecimal mantissa = value.movePointLeft(word.exponent())
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return mantissa.scale() < 0 ? mantissa.setScale(0) : mantissa;
    }
}
