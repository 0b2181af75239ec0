package dev.statcallouts.embed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.site.SiteConfig;
import dev.statcallouts.stats.AsOfPrecision;
import dev.statcallouts.stats.ChangeKind;
import dev.statcallouts.stats.Series;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatRevision;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.TranslationSpec;
import dev.statcallouts.stats.Trend;
import dev.statcallouts.stats.service.StatViews;

/** Builds the card of a figure (current or pinned revision) in the reader's language. Call inside a transaction. */
@ApplicationScoped
public class FigureCards {

    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> MONTHS = new ConcurrentHashMap<>();

    @Inject
    StatViews views;

    @Inject
    SiteConfig site;

    /** The public figure with this slug; drafts and unknown slugs are 404. */
    public static Stat publicStat(String slug) {
        return Stat.findBySlugWithDetails(slug).filter(Stat::isPublic).orElseThrow(() -> notPublished(slug));
    }

    public static DomainException notPublished(String slug) {
        return DomainException.notFound("No published figure with slug '" + slug + "'.");
    }

    public FigureCard card(Stat stat, CardOptions options) {
        StatSnapshot snapshot = snapshot(stat, options.revision());
        Locale locale = language(snapshot.locale(), snapshot.translations().keySet(), options);
        // The figure's words in the card's language: the translation, or none in its own (never kept as one).
        TranslationSpec translated = snapshot.translations().get(locale.getLanguage());
        CardWords words = CardLanguages.words(locale);
        String figure = views.formatted(snapshot, locale);
        DateTimeFormatter dates = dates(locale);

        boolean pinned = options.revision() != null && options.revision() < stat.revision;
        String via = permalink(stat.slug) + "/sources/%d" + (pinned ? "?v=" + options.revision() : "");
        List<FigureCard.SourceLink> sources = new ArrayList<>();
        for (SourceSpec source : snapshot.sources()) {
            List<String> when = new ArrayList<>();
            if (source.published() != null) {
                when.add(words.published(dates.format(source.published())));
            }
            if (source.accessed() != null) {
                when.add(words.accessed(dates.format(source.accessed())));
            }
            String name = translated == null ? source.name() : translated.sourceName(sources.size(), source.name());
            sources.add(new FigureCard.SourceLink(
                    name, source.url(), String.join(", ", when), via.formatted(sources.size() + 1)));
        }

        List<String> meta = new ArrayList<>();
        if (snapshot.asOf() != null) {
            meta.add(words.asOf(period(snapshot.asOf(), snapshot.precision(), words, locale)));
        }
        if (!pinned && stat.changedAt != null) {
            String on = dates.format(date(stat.changedAt));
            meta.add(stat.lastChange == ChangeKind.CORRECTION ? words.corrected(on) : words.updated(on));
        }

        List<String> notices = new ArrayList<>();
        boolean retracted = stat.status == StatStatus.RETRACTED;
        Trend trend = retracted ? Trend.NONE : snapshot.display().trendOrNone();
        Series series = trend == Trend.NONE
                ? new Series(List.of())
                : Series.of(StatRevision.listFor(stat), pinned ? options.revision() : stat.revision);
        if (retracted) {
            notices.add(words.retracted(stat.retractionReason));
        }
        if (pinned) {
            notices.add(words.newerVersion());
        }
        return new FigureCard(
                stat.slug,
                figure,
                translated == null ? snapshot.label() : translated.label(),
                translated == null ? snapshot.context() : translated.context(),
                words.sourceLabel(sources.size()),
                sources,
                meta.isEmpty() ? null : String.join(" · ", meta),
                notices,
                pinned ? permalink(stat.slug) : null,
                words.viewCurrent(),
                retracted ? words.retractedFigure() : null,
                Math.max(1, CardHeight.units(figure)),
                List.of(),
                series.previous()
                        .map(before -> change(series, before, words, locale))
                        .orElse(null),
                trend == Trend.SPARKLINE ? sparkline(series, words, locale) : null);
    }

    /** Longest number of values a sparkline draws. */
    private static final int SPARKLINE_POINTS = 24;

    /** "up from 55% in 2023": the latest value against the one before it. */
    private String change(Series series, Series.Point before, CardWords words, Locale locale) {
        Series.Point latest = series.points().get(series.points().size() - 1);
        String value = views.formatted(before.value(), before.display(), locale);
        String when = before.asOf() == null ? "" : period(before.asOf(), before.precision(), words, locale);
        boolean day = before.precision() == AsOfPrecision.DAY;
        int direction = latest.value().compareTo(before.value());
        return direction > 0
                ? words.upFrom(value, when, day)
                : direction < 0 ? words.downFrom(value, when, day) : words.sameAs(value, when, day);
    }

    private Sparkline sparkline(Series series, CardWords words, Locale locale) {
        List<Series.Point> points = series.comparableTail(SPARKLINE_POINTS);
        if (points.size() < 2) {
            return null;
        }
        return Sparkline.of(
                points.stream().map(Series.Point::value).toList(),
                words.series(String.join(", ", values(points, words, locale))));
    }

    /** Each value with its period: "55% (2023)". */
    private List<String> values(List<Series.Point> points, CardWords words, Locale locale) {
        return points.stream()
                .map(p -> words.seriesValue(
                        views.formatted(p.value(), p.display(), locale),
                        p.asOf() == null ? "" : period(p.asOf(), p.precision(), words, locale)))
                .toList();
    }

    /** An as-of date at its precision: "April 2, 2024", "November 2024", "Q3 2024", "2024" (or "2024年11月"). */
    public static String period(LocalDate date, AsOfPrecision precision, CardWords words, Locale locale) {
        switch (precision) {
            case MONTH:
                return MONTHS.computeIfAbsent(locale, l -> DateTimeFormatter.ofPattern(words.monthPattern(), l))
                        .format(date);
            case QUARTER:
                return words.quarter(date.get(IsoFields.QUARTER_OF_YEAR), date.getYear());
            case YEAR:
                return words.year(date.getYear());
            default:
                return dates(locale).format(date);
        }
    }

    /** Long localized dates ("April 2, 2024", "2024年4月2日"); formatters are immutable, so one per locale. */
    public static DateTimeFormatter dates(Locale locale) {
        return DATES.computeIfAbsent(
                locale, l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l));
    }

    /**
     * The language a figure's card is written in: the one asked for where the figure has words in
     * it (its own or a translation), else its own, so that no card mixes two languages.
     */
    public Locale locale(Stat stat, CardOptions options) {
        return language(stat.locale, stat.translations.keySet(), options);
    }

    private static Locale language(String own, Set<String> translations, CardOptions options) {
        Locale original = Locale.forLanguageTag(own);
        Locale asked = options.lang();
        if (asked == null
                || asked.getLanguage().equals(original.getLanguage())
                || !translations.contains(asked.getLanguage())) {
            return original;
        }
        return asked;
    }

    public String permalink(String slug) {
        return site.publicUrl() + "/s/" + slug;
    }

    /** The current state, or a pinned revision the public may see (never one saved as a draft). */
    private static StatSnapshot snapshot(Stat stat, Integer revision) {
        if (revision == null || revision == stat.revision) {
            return StatSnapshot.of(stat);
        }
        return StatRevision.findFor(stat, revision)
                .map(r -> r.snapshot)
                .filter(s -> !StatStatus.DRAFT.name().equalsIgnoreCase(s.status()))
                .orElseThrow(() -> DomainException.notFound(
                        "Figure '" + stat.slug + "' has no public revision " + revision + "."));
    }

    private static LocalDate date(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
