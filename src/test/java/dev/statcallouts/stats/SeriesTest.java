package dev.statcallouts.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeriesTest {

    private final List<StatRevision> revisions = new ArrayList<>();

    private void save(String value, String asOf, String status, ChangeKind change) {
        save(value, asOf, status, change, "percent");
    }

    private void save(String value, String asOf, String status, ChangeKind change, String kind) {
        StatRevision r = new StatRevision();
        r.number = revisions.size() + 1;
        r.change = change;
        r.snapshot = new StatSnapshot(
                new BigDecimal(value),
                new DisplaySpec(kind, null, null, null, "compact", null),
                "of organizations use generative AI",
                null,
                LocalDate.parse(asOf),
                "year",
                "en",
                List.of(),
                List.of(),
                status,
                null,
                null);
        revisions.add(r);
    }

    private List<String> values(Series series) {
        return series.points().stream()
                .map(p -> p.value().toPlainString() + "@" + p.asOf().getYear())
                .toList();
    }

    @Test
    void eachUpdateAddsAValueAndCorrectionsAndEditsChangeTheLatest() {
        save("33", "2023-01-01", "published", null);
        save("33", "2023-01-01", "published", ChangeKind.EDIT);
        save("65", "2024-01-01", "published", ChangeKind.UPDATE);
        save("66", "2024-01-01", "published", ChangeKind.CORRECTION);
        save("71", "2025-01-01", "published", ChangeKind.UPDATE);

        Series series = Series.of(revisions, 5);
        assertThat(values(series)).containsExactly("33@2023", "66@2024", "71@2025");
        assertThat(series.previous()).map(p -> p.value().toPlainString()).contains("66");
        // A card pinned to revision 4 sees the series as it was then.
        assertThat(values(Series.of(revisions, 4))).containsExactly("33@2023", "66@2024");
        assertThat(values(Series.of(revisions, 2))).containsExactly("33@2023");
        assertThat(Series.of(revisions, 2).previous()).isEmpty();
    }

    @Test
    void draftsAreNoPointsButAnUpdateSavedAsADraftCountsOnceItIsPublished() {
        save("10", "2022-01-01", "draft", null);
        save("12", "2022-01-01", "draft", null);
        save("12", "2022-01-01", "published", null);
        save("20", "2023-01-01", "draft", ChangeKind.UPDATE);
        save("20", "2023-01-01", "published", ChangeKind.EDIT);

        assertThat(values(Series.of(revisions, 5))).containsExactly("12@2022", "20@2023");
    }

    @Test
    void revisionsSavedBeforeSavesSaidCountANewValueAsAnUpdate() {
        save("33", "2023-01-01", "published", null);
        save("33", "2023-01-01", "published", null);
        save("65", "2024-01-01", "published", null);

        assertThat(values(Series.of(revisions, 3))).containsExactly("33@2023", "65@2024");
    }

    @Test
    void valuesOfAnotherKindAreNotComparedWithTheLatest() {
        save("33", "2023-01-01", "published", null);
        save("1200", "2024-01-01", "published", ChangeKind.UPDATE, "count");

        Series series = Series.of(revisions, 2);
        assertThat(series.points()).hasSize(2);
        assertThat(series.previous()).isEmpty();
        assertThat(series.comparableTail(24)).hasSize(1);
    }
}
