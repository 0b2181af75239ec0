package dev.statcallouts.stats.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.statcallouts.stats.CurrencyStyle;
import dev.statcallouts.stats.DisplayKind;
import dev.statcallouts.stats.Notation;
import dev.statcallouts.stats.Qualifier;

/**
 * Turns a figure's exact value and display spec into the text a reader sees, in the reader's
 * locale, from the JDK's number, currency and compact formats.
 */
public final class StatFormatter {

    /** Below this magnitude compact notation adds nothing, so the number is shown in full. */
    private static final BigDecimal COMPACT_FROM = BigDecimal.valueOf(1000);

    private static final int MAX_COMPACT_FRACTION_DIGITS = 2;

    /**
     * Japanese writes large sums as number + currency word ("9200億円", "1億ドル"); the JDK has the
     * symbols ("￥", "$") but not CLDR's currency unit patterns, so the common words are listed here.
     */
    private static final Map<String, String> JAPANESE_CURRENCY_WORDS =
            Map.of("JPY", "円", "USD", "ドル", "EUR", "ユーロ", "GBP", "ポンド", "CNY", "元", "KRW", "ウォン");

    /** Everything a display text depends on. */
    private record Spec(
            BigDecimal value,
            DisplayKind kind,
            String currency,
            String unit,
            String qualifier,
            Notation notation,
            CurrencyStyle style,
            Locale locale) {}

    /**
     * Formatting is a pure function of its inputs, and the JDK's compact formats are costly to
     * build and to apply (they parse patterns and plural rules with regular expressions on every
     * call), while a service shows few distinct figures: so each text is computed once.
     */
    private static final Cache<Spec, String> TEXTS =
            Caffeine.newBuilder().maximumSize(20_000).build();

    private StatFormatter() {}

    /** The display text of a value, or the editor's override when there is one. */
    public static String format(
            BigDecimal value,
            DisplayKind kind,
            String currency,
            String unit,
            String qualifier,
            Notation notation,
            String override,
            Locale locale) {
        return format(value, kind, currency, unit, qualifier, notation, override, CurrencyStyle.SYMBOL, locale);
    }

    /** The same, with the currency written as a symbol, its code or its name. */
    public static String format(
            BigDecimal value,
            DisplayKind kind,
            String currency,
            String unit,
            String qualifier,
            Notation notation,
            String override,
            CurrencyStyle style,
            Locale locale) {
        if (override != null && !override.isBlank()) {
            return override;
        }
        return TEXTS.get(
                new Spec(value, kind, currency, unit, qualifier, notation, style, locale), StatFormatter::compute);
    }

    private static String compute(Spec spec) {
        BigDecimal value = spec.value();
        DisplayKind kind = spec.kind();
        String currency = spec.currency();
        String unit = spec.unit();
        String qualifier = spec.qualifier();
        Notation notation = spec.notation();
        Locale locale = spec.locale();
        boolean compact = notation == Notation.COMPACT && value.abs().compareTo(COMPACT_FROM) >= 0;
        String text = switch (kind) {
            case CURRENCY -> currency(value, Currency.getInstance(currency), compact, spec.style(), locale);
            case PERCENT -> percent(value, locale);
            case MULTIPLIER -> number(value, compact, locale) + "x";
            case COUNT -> number(value, compact, locale);
            case UNIT -> number(value, compact, locale) + "\u00a0" + unit;
        };
        return qualifier == null || qualifier.isBlank()
                ? text
                : Qualifier.ofSymbol(qualifier).map(q -> q.apply(text)).orElse(text);
    }

    static String number(BigDecimal value, boolean compact, Locale locale) {
        if (compact) {
            return CompactWords.forLanguage(locale.getLanguage())
                    .map(words -> words.format(value, locale))
                    .orElseGet(() -> jdkCompact(value, locale));
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }

    /**
     * The JDK's compact long form ("920 billion", "9200億"). It is fed a double: its BigDecimal
     * path drops the fraction digits ("2 million" for 2.5 million), and a compact figure shows at
     * most a few significant digits, well inside a double's precision.
     */
    private static String jdkCompact(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.LONG);
        format.setMaximumFractionDigits(MAX_COMPACT_FRACTION_DIGITS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value.doubleValue());
    }

    private static String currency(
            BigDecimal value, Currency currency, boolean compact, CurrencyStyle style, Locale locale) {
        if (style == CurrencyStyle.CODE || style == CurrencyStyle.NAME) {
            String amount = compact ? number(value, true, locale) : amount(value, currency, locale);
            if (style == CurrencyStyle.NAME) {
                return amount + ("ja".equals(locale.getLanguage()) ? "" : " ") + CurrencyNames.of(currency, locale);
            }
            // The code where the language puts its symbol: before the number in English and Japanese, after in German.
            DecimalFormat symbolFormat = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
            return symbolFormat.getPositivePrefix().isEmpty()
                    ? amount + "\u00a0" + currency.getCurrencyCode()
                    : currency.getCurrencyCode() + "\u00a0" + amount;
        }
        String word =
                "ja".equals(locale.getLanguage()) ? JAPANESE_CURRENCY_WORDS.get(currency.getCurrencyCode()) : null;
        if (word != null) {
            return number(value, compact, locale) + word;
        }
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        if (compact) {
            return format.getPositivePrefix() + number(value, true, locale) + format.getPositiveSuffix();
        }
        int digits = value.scale() <= 0 ? 0 : Math.max(value.scale(), currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    /** A sum in full, with the currency's usual decimals where it has any. */
    private static String amount(BigDecimal value, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        int digits = value.scale() <= 0 ? 0 : Math.max(value.scale(), currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    private static String percent(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value.movePointLeft(2));
    }
}
