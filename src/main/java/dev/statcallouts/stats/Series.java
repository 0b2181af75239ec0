package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A figure's values over time, as readers saw them: one point per update with new data, each as
 * last corrected. A correction or an edit changes the latest point; drafts are not points.
 */
public record Series(List<Point> points) {

    /** One value of the series, with what it measures and when it held. */
    public record Point(int revision, BigDecimal value, DisplaySpec display, LocalDate asOf, AsOfPrecision precision) {

        static Point of(int revision, StatSnapshot snapshot) {
            return new Point(revision, snapshot.value(), snapshot.display(), snapshot.asOf(), snapshot.precision());
        }

        /** Whether two values can be compared: same kind of number, same currency or unit. */
        public boolean comparable(Point other) {
            return display.kind().equals(other.display.kind())
                    && Objects.equals(display.currency(), other.display.currency())
                    && Objects.equals(display.unit(), other.display.unit());
        }
    }

    /** The series up to revision {@code upTo} (the current one, or a pinned one). */
    public static Series of(List<StatRevision> revisions, int upTo) {
        List<Point> points = new ArrayList<>();
        boolean update = false;
        StatSnapshot previous = null;
        for (StatRevision r : revisions.stream()
                .filter(r -> r.number <= upTo)
                .sorted(Comparator.comparingInt(r -> r.number))
                .toList()) {
            // Revisions saved before saves said what they were: a new value or date was shown as "Updated".
            boolean legacyUpdate = r.change == null && previous != null && r.snapshot.meaningDifference(previous);
            update |= r.change == ChangeKind.UPDATE || legacyUpdate;
            previous = r.snapshot;
            if (!r.isPublic()) {
                continue;
            }
            Point point = Point.of(r.number, r.snapshot);
            if (points.isEmpty() || update) {
                points.add(point);
            } else {
                points.set(points.size() - 1, point);
            }
            update = false;
        }
        return new Series(List.copyOf(points));
    }

    /** The value before the latest, when it can be compared with it. */
    public Optional<Point> previous() {
        if (points.size() < 2) {
            return Optional.empty();
        }
        Point before = points.get(points.size() - 2);
        return before.comparable(points.get(points.size() - 1)) ? Optional.of(before) : Optional.empty();
    }

    /** The latest {@code count} points that can be compared with the latest: what a sparkline draws. */
    public List<Point> comparableTail(int count) {
        List<Point> tail = new ArrayList<>();
        for (int i = points.size() - 1; i >= 0 && tail.size() < count; i--) {
            if (!points.get(i).comparable(points.get(points.size() - 1))) {
                break;
            }
            tail.add(0, points.get(i));
        }
        return tail;
    }
}
