package dev.statcallouts.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.statcallouts.stats.DisplaySpec;
import dev.statcallouts.stats.SourceSpec;
import dev.statcallouts.stats.StatSnapshot;

class RevisionChangesTest {

    private static StatSnapshot snapshot(String value, String label, List<SourceSpec> sources, String status) {
        return new StatSnapshot(
                new BigDecimal(value),
                new DisplaySpec("currency", "JPY", null, null, "compact", null),
                label,
                null,
                LocalDate.of(2024, 11, 1),
                "day",
                "en",
                sources,
                List.of("chips"),
                status,
                null,
                null);
    }

    private static final SourceSpec REUTERS = new SourceSpec("Reuters", "https://example.org/r", null, null);

    @Test
    void theFirstRevisionShowsEveryFilledFieldAsNew() {
        List<RevisionChanges.FieldChange> changes =
                RevisionChanges.between(null, snapshot("920000000000", "investment", List.of(REUTERS), "draft"));
        assertThat(changes)
                .extracting(RevisionChanges.FieldChange::field)
                .contains("value", "label", "source 1", "tags");
        assertThat(changes).allMatch(change -> change.before() == null);
    }

    @Test
    void onlyWhatChangedOldToNew() {
        StatSnapshot before = snapshot("920000000000", "investment", List.of(REUTERS), "draft");
        StatSnapshot after = snapshot("960000000000", "investment", List.of(), "published");
        List<RevisionChanges.FieldChange> changes = RevisionChanges.between(before, after);
        assertThat(changes)
                .extracting(RevisionChanges.FieldChange::field)
                .containsExactly("value", "source 1", "status");
        assertThat(changes.get(0)).isEqualTo(new RevisionChanges.FieldChange("value", "920000000000", "960000000000"));
        assertThat(changes.get(1).before()).contains("Reuters");
        assertThat(changes.get(1).after()).isNull();
        assertThat(changes.get(2)).isEqualTo(new RevisionChanges.FieldChange("status", "draft", "published"));
    }

    @Test
    void identicalSnapshotsChangeNothing() {
        StatSnapshot same = snapshot("65", "use generative AI", List.of(REUTERS), "published");
        assertThat(RevisionChanges.between(same, same)).isEmpty();
    }
}
