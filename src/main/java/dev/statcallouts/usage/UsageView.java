package dev.statcallouts.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Where a figure is embedded: the pages with their views, and views per day. */
public record UsageView(String slug, int days, long totalViews, List<PageViews> pages, List<DayViews> perDay) {

    /** One embedding page. */
    public record PageViews(String page, String site, long views, Instant lastSeen) {}

    /** Views of one day (UTC), all pages together. */
    public record DayViews(LocalDate day, long views) {}
}
