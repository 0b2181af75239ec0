package dev.statcallouts.usage.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.statcallouts.usage.UsageView;

/** Views per day as bars of an SVG chart: every day of the period, zero when nothing was seen. */
public record UsageChart(
        String slug, int width, int height, long max, long total, List<Bar> bars, String from, String to) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    static final int PLOT_TOP = 20;
    static final int PLOT_BOTTOM = 136;

    /** One day's bar, positioned. */
    public record Bar(String day, long views, double x, double y, double width, double height) {}

    public static UsageChart of(UsageView usage, LocalDate today) {
        Map<LocalDate, Long> byDay =
                usage.perDay().stream().collect(Collectors.toMap(UsageView.DayViews::day, UsageView.DayViews::views));
        long max = Math.max(
                1, byDay.values().stream().mapToLong(Long::longValue).max().orElse(0));
        double slot = (double) WIDTH / usage.days();
        List<Bar> bars = new ArrayList<>();
        LocalDate first = today.minusDays(usage.days() - 1L);
        for (int i = 0; i < usage.days(); i++) {
            LocalDate day = first.plusDays(i);
            long views = byDay.getOrDefault(day, 0L);
            double h = (PLOT_BOTTOM - PLOT_TOP) * (double) views / max;
            bars.add(new Bar(
                    day.toString(),
                    views,
                    round(i * slot + slot * 0.1),
                    round(PLOT_BOTTOM - h),
                    round(slot * 0.8),
                    round(h)));
        }
        Function<LocalDate, String> label = LocalDate::toString;
        return new UsageChart(
                usage.slug(), WIDTH, HEIGHT, max, usage.totalViews(), bars, label.apply(first), label.apply(today));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
