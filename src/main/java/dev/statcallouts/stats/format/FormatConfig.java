package dev.statcallouts.stats.format;

import java.util.Locale;
import java.util.Map;

import dev.statcallouts.stats.CurrencyStyle;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How figures are written where their editors leave it to the site. */
@ConfigMapping(prefix = "statcallouts.format")
public interface FormatConfig {

    /** How a currency is written when a figure does not say: symbol (¥920 billion), code (JPY 920 billion) or name. */
    @WithDefault("symbol")
    CurrencyStyle currencyStyle();

    /** The same per card language, where a newsroom writes it otherwise (currency-style-for.de=name: "920 Mrd. Japanische Yen"). */
    Map<String, CurrencyStyle> currencyStyleFor();

    /** The style a figure without its own is written in, in this language. */
    default CurrencyStyle currencyStyle(Locale locale) {
        return currencyStyleFor().getOrDefault(locale.getLanguage(), currencyStyle());
    }
}
