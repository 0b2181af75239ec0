package dev.statcallouts.stats;

import java.util.Locale;

/** How a currency is written: "¥920 billion", "JPY 920 billion" or "920 billion Japanese yen". */
public enum CurrencyStyle {
    SYMBOL,
    CODE,
    NAME;

    public static final String PATTERN = "symbol|code|name";

    public static CurrencyStyle parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
