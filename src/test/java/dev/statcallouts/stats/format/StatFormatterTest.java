package dev.statcallouts.stats.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.statcallouts.stats.CurrencyStyle;
import dev.statcallouts.stats.DisplayKind;
import dev.statcallouts.stats.Notation;

class StatFormatterTest {

    private static String format(
            String value,
            DisplayKind kind,
            String currency,
            String unit,
            String qualifier,
            Notation notation,
            String lang) {
        String text = StatFormatter.format(
                new BigDecimal(value), kind, currency, unit, qualifier, notation, null, Locale.forLanguageTag(lang));
        // The JDK separates with (narrow) no-break spaces; compare them as plain spaces.
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @ParameterizedTest(name = "{0} {1} in {2} → {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "920000000000 | JPY | en | ¥920 billion",
                "920000000000 | JPY | ja | 9200億円",
                "920000000000 | JPY | de | 920 Milliarden ¥",
                "920000000000 | JPY | fr | 920 milliards JPY",
                "920000000000 | JPY | es | 920 mil millones JPY",
                "204000000000 | USD | en | $204 billion",
                "204000000000 | USD | ja | 2040億ドル",
                "204000000000 | USD | fr | 204 milliards $US",
                "1000000000   | EUR | de | 1 Milliarde €",
                "1500000      | EUR | fr | 1,5 million €",
                "2500000      | USD | en | $2.5 million",
                "1000000      | USD | es | 1 millón US$",
                "3000000      | USD | es | 3 millones US$",
            })
    void compactCurrency(String value, String currency, String lang, String expected) {
        assertThat(format(value, DisplayKind.CURRENCY, currency, null, null, Notation.COMPACT, lang))
                .isEqualTo(expected);
    }

    @Test
    void qualifierPlusFollowsTheNumber() {
        assertThat(format("100000000", DisplayKind.CURRENCY, "USD", null, "+", Notation.COMPACT, "en"))
                .isEqualTo("$100 million+");
        assertThat(format("100000000", DisplayKind.CURRENCY, "USD", null, "+", Notation.COMPACT, "ja"))
                .isEqualTo("1億ドル+");
    }

    @Test
    void otherQualifiersPrecedeTheNumber() {
        assertThat(format("65", DisplayKind.PERCENT, null, null, "~", Notation.COMPACT, "en"))
                .isEqualTo("~65%");
        assertThat(format("3", DisplayKind.UNIT, null, "nm", "≤", Notation.COMPACT, "en"))
                .isEqualTo("≤3 nm");
    }

    @ParameterizedTest(name = "65 percent in {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"en | 65%", "ja | 65%", "de | 65 %", "fr | 65 %", "es | 65 %"})
    void percent(String lang, String expected) {
        assertThat(format("65", DisplayKind.PERCENT, null, null, null, Notation.COMPACT, lang))
                .isEqualTo(expected);
    }

    @Test
    void percentKeepsTheDecimalsTyped() {
        assertThat(format("12.5", DisplayKind.PERCENT, null, null, null, Notation.FULL, "en"))
                .isEqualTo("12.5%");
        assertThat(format("12.5", DisplayKind.PERCENT, null, null, null, Notation.FULL, "de"))
                .isEqualTo("12,5 %");
    }

    @ParameterizedTest(name = "{0}x in {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {"100 | en | 100x", "100 | ja | 100x", "1.5 | de | 1,5x", "1.5 | en | 1.5x"})
    void multiplier(String value, String lang, String expected) {
        assertThat(format(value, DisplayKind.MULTIPLIER, null, null, null, Notation.COMPACT, lang))
                .isEqualTo(expected);
    }

    @Test
    void unitFollowsTheNumberWithoutBreaking() {
        String text = StatFormatter.format(
                new BigDecimal("2"), DisplayKind.UNIT, null, "nm", null, Notation.COMPACT, null, Locale.ENGLISH);
        assertThat(text).isEqualTo("2\u00a0nm");
    }

    @ParameterizedTest(name = "full {0} in {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "920000000000 | JPY | en | ¥920,000,000,000",
                "920000000000 | JPY | ja | 920,000,000,000円",
                "1234.5       | USD | en | $1,234.50",
                "1234.5       | EUR | de | 1.234,50 €",
            })
    void fullCurrency(String value, String currency, String lang, String expected) {
        assertThat(format(value, DisplayKind.CURRENCY, currency, null, null, Notation.FULL, lang))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} as {3} in {2} → {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "920000000000 | JPY | en | CODE   | JPY\u00a0920 billion",
                "920000000000 | JPY | de | CODE   | 920 Milliarden\u00a0JPY",
                "920000000000 | JPY | en | NAME   | 920 billion Japanese yen",
                "920000000000 | JPY | de | NAME   | 920 Milliarden Japanische Yen",
                "204000000000 | USD | de | NAME   | 204 Milliarden US-Dollar",
                "204000000000 | USD | fr | NAME   | 204 milliards dollars des États-Unis",
                "204000000000 | USD | es | NAME   | 204 mil millones dólares estadounidenses",
                "920000000000 | JPY | ja | NAME   | 9200億日本円",
                "1234.5       | CHF | en | NAME   | 1,234.50 Swiss Franc",
                "1234.5       | USD | en | CODE   | USD\u00a01,234.50",
                "920000000000 | JPY | de | SYMBOL | 920 Milliarden\u00a0¥",
            })
    void currencyAsSymbolCodeOrName(String value, String currency, String lang, CurrencyStyle style, String expected) {
        Notation notation = value.contains(".") ? Notation.FULL : Notation.COMPACT;
        assertThat(StatFormatter.format(
                        new BigDecimal(value),
                        DisplayKind.CURRENCY,
                        currency,
                        null,
                        null,
                        notation,
                        null,
                        style,
                        Locale.forLanguageTag(lang)))
                .isEqualTo(expected);
    }

    @Test
    void countsInBothNotations() {
        assertThat(format("1234567", DisplayKind.COUNT, null, null, null, Notation.FULL, "en"))
                .isEqualTo("1,234,567");
        assertThat(format("1234567", DisplayKind.COUNT, null, null, null, Notation.FULL, "de"))
                .isEqualTo("1.234.567");
        assertThat(format("1234567", DisplayKind.COUNT, null, null, null, Notation.COMPACT, "en"))
                .isEqualTo("1.23 million");
        assertThat(format("999", DisplayKind.COUNT, null, null, null, Notation.COMPACT, "en"))
                .isEqualTo("999");
        assertThat(format("999999999", DisplayKind.COUNT, null, null, null, Notation.COMPACT, "fr"))
                .isEqualTo("1 milliard");
    }

    @Test
    void overrideReplacesTheFormattedText() {
        assertThat(StatFormatter.format(
                        new BigDecimal("920000000000"),
                        DisplayKind.CURRENCY,
                        "JPY",
                        null,
                        "+",
                        Notation.COMPACT,
                        "¥920bn",
                        Locale.JAPANESE))
                .isEqualTo("¥920bn");
    }
}
