package dev.statcallouts.stats.format;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * A currency's name as a sum of it is written ("920 billion US dollars", "920 Mrd. Japanische Yen").
 * The JDK has only CLDR's singular display names ("US Dollar"), not the plural forms a sum needs,
 * so those of the common currencies are listed here from CLDR; any other currency falls back to
 * its display name.
 */
final class CurrencyNames {

    private static final Map<String, Map<String, String>> PLURALS = Map.of(
            "en",
            Map.of(
                    "JPY", "Japanese yen",
                    "USD", "US dollars",
                    "EUR", "euros",
                    "GBP", "British pounds",
                    "CNY", "Chinese yuan",
                    "KRW", "South Korean won"),
            "de",
            Map.of(
                    "JPY", "Japanische Yen",
                    "USD", "US-Dollar",
                    "EUR", "Euro",
                    "GBP", "Britische Pfund",
                    "CNY", "Renminbi Yuan",
                    "KRW", "Südkoreanische Won"),
            "fr",
            Map.of(
                    "JPY", "yens japonais",
                    "USD", "dollars des États-Unis",
                    "EUR", "euros",
                    "GBP", "livres sterling",
                    "CNY", "yuans renminbi chinois",
                    "KRW", "wons sud-coréens"),
            "es",
            Map.of(
                    "JPY", "yenes",
                    "USD", "dólares estadounidenses",
                    "EUR", "euros",
                    "GBP", "libras esterlinas",
                    "CNY", "yuanes",
                    "KRW", "wons surcoreanos"));

    private CurrencyNames() {}

    static String of(Currency currency, Locale locale) {
        Map<String, String> names = PLURALS.get(locale.getLanguage());
        String plural = names == null ? null : names.get(currency.getCurrencyCode());
        return plural != null ? plural : currency.getDisplayName(locale);
    }
}
