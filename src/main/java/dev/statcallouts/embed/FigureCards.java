package dev.statcallouts.embed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.Stat;
import dev.statcallouts.stats.StatRevision;
import dev.statcallouts.stats.StatSnapshot;
import dev.statcallouts.stats.StatStatus;
import dev.statcallouts.stats.TranslationSpec;
import dev.statcallouts.stats.service.StatViews;

/** Builds the card of a figure (current or pinned revision) in the reader's language. Call inside a transaction. */
@ApplicationScoped
public class FigureCards {

    private static final Map<Locale, DateTimeFormatter> DATES = new ConcurrentHashMap<>();

    @Inject
    StatViews views;

    @Inject
    SiteConfig site;

    /** The public figure with this slug; drafts and unknown slugs are 404. */
    public static Stat publicStat(String slug) {
        return Stat.findBySlugWithDetails(slug)
                .filter(Stat::isPublic)
                .orElseThrow(() -> DomainException.notFound("No published figure with slug '" + slug + "'."));
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
            meta.add(words.asOf(dates.format(snapshot.asOf())));
        }
        if (!pinned && stat.correctedAt != null) {
            meta.add(words.updated(dates.format(date(stat.correctedAt))));
        }

        List<String> notices = new ArrayList<>();
        boolean retracted = stat.status == StatStatus.RETRACTED;
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
                List.of());
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
