package dev.statcallouts.usage;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.database.NativeValues;
import dev.statcallouts.stats.Stat;

/** Reads back where a figure is embedded, so that a correction can reach every article showing it. */
@ApplicationScoped
public class UsageService {

    @Inject
    EntityManager em;

    @Transactional
    public UsageView usage(String slug, int days) {
        Stat stat = Stat.findBySlug(slug)
                .orElseThrow(() -> DomainException.notFound("No figure with slug '" + slug + "'."));
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L);
        @SuppressWarnings("unchecked")
        List<Object[]> pages = em.createNativeQuery("""
                select page, min(site), sum(views), max(last_seen) from embed_view
                where stat_id = ?1 and day >= ?2 group by page order by sum(views) desc, page limit 500""")
                .setParameter(1, stat.id)
                .setParameter(2, Date.valueOf(from))
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> perDay = em.createNativeQuery("""
                select day, sum(views) from embed_view where stat_id = ?1 and day >= ?2 group by day order by day""")
                .setParameter(1, stat.id)
                .setParameter(2, Date.valueOf(from))
                .getResultList();
        List<UsageView.PageViews> pageViews = pages.stream()
                .map(r -> new UsageView.PageViews(
                        (String) r[0], (String) r[1], ((Number) r[2]).longValue(), NativeValues.instant(r[3])))
                .toList();
        List<UsageView.DayViews> dayViews = perDay.stream()
                .map(r -> new UsageView.DayViews(localDate(r[0]), ((Number) r[1]).longValue()))
                .toList();
        return new UsageView(
                slug,
                days,
                dayViews.stream().mapToLong(UsageView.DayViews::views).sum(),
                pageViews,
                dayViews);
    }

    /** How many pages embedded each of these figures in the last {@code days} days (figures without any are left out). */
    @Transactional
    public Map<String, Long> pageCounts(List<String> slugs, int days) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select s.slug, count(distinct v.page) from embed_view v join stat s on s.id = v.stat_id
                where s.slug in (?1) and v.day >= ?2 group by s.slug""")
                .setParameter(1, slugs)
                .setParameter(2, Date.valueOf(LocalDate.now(ZoneOffset.UTC).minusDays(days - 1L)))
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
