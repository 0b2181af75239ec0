package dev.statcallouts.stats.service;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.stats.CurrencyStyle;
import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.StatView;
import dev.statcallouts.stats.format.FormatConfig;
import dev.statcallouts.stats.format.StatFormatter;

/** Maps figures to the API's view of them, formatted for a language. */
@ApplicationScoped
public class StatViews {

    @Inject
    FormatConfig format;

    /** The figure as the API shows it, in {@code lang} or, when that is null, the figure's own locale. */
    public StatView view(Stat stat, Locale lang) {
        Locale locale = lang != null ? lang : Locale.forLanguageTag(stat.locale);
        StatSnapshot snapshot = StatSnapshot.of(stat);
        return new StatView(
                stat.slug,
                stat.value,
                snapshot.display(),
                formatted(snapshot, locale),
                locale.toLanguageTag(),
                stat.label,
                stat.context,
                stat.asOf,
                snapshot.asOfPrecision(),
                stat.locale,
                stat.sources.stream().map(SourceSpec::of).toList(),
                snapshot.tags(),
                snapshot.status(),
                stat.retractionReason,
                stat.revision,
                stat.createdAt,
                stat.publishedAt,
                stat.updatedAt,
                stat.changedAt,
                stat.lastChange == null ? null : stat.lastChange.id(),
                // Views of published figures are kept and shared (PublishedViews): nothing in one may change.
                Collections.unmodifiableMap(snapshot.translations()));
    }

    public String formatted(StatSnapshot snapshot, Locale locale) {
        return formatted(snapshot.value(), snapshot.display(), locale);
    }

    public String formatted(BigDecimal value, DisplaySpec display, Locale locale) {
        return StatFormatter.format(
                value,
                display.displayKind(),
                display.currency(),
                display.unit(),
                display.qualifier(),
                display.notationOrDefault(),
                display.override(),
                display.currencyStyle() == null
                        ? format.currencyStyle(locale)
                        : CurrencyStyle.parse(display.currencyStyle()),
                locale);
    }
}
