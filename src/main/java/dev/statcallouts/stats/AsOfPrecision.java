package dev.statcallouts.stats;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** How precise a figure's as-of date is: the source's own precision ("as of November 2024", "Q3 2024"). */
public enum AsOfPrecision {
    DAY,
    MONTH,
    QUARTER,
    YEAR;

    public static final String PATTERN = "day|month|quarter|year";

    /** Null (an older revision, or an input that does not say) is a day. */
    public static AsOfPrecision parse(String name) {
        return name == null || name.isBlank() ? DAY : valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** The first day of the period that holds {@code date}: how a month, quarter or year is stored. */
    public LocalDate start(LocalDate date) {
        switch (this) {
            case MONTH:
                return date.withDayOfMonth(1);
            case QUARTER:
                return date.withDayOfMonth(1).withMonth((date.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1);
            case YEAR:
                return date.withDayOfYear(1);
            default:
                return date;
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
