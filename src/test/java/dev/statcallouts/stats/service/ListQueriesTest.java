package dev.statcallouts.stats.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.statcallouts.stats.StatStatus;

/** Which queries a page of a list runs, and that each binds a value to every question mark. */
class ListQueriesTest {

    private static final EnumSet<StatStatus> PUBLISHED = EnumSet.of(StatStatus.PUBLISHED);

    @Test
    void theFirstPageCountsItsFiguresInItsOwnQuery() {
        ListQueries first = ListQueries.of(new StatQuery(PUBLISHED, List.of(), null, 1, 20));

        assertThat(first.counted()).isTrue();
        assertThat(first.count()).isNull();
        assertThat(first.ids()).contains("count(*) over ()");
        assertThat(first.offset()).isZero();
    }

    @Test
    void aLaterPageAsksForTheCountFirst() {
        ListQueries third = ListQueries.of(new StatQuery(PUBLISHED, List.of(), null, 3, 20));

        assertThat(third.counted()).isFalse();
        assertThat(third.count()).startsWith("select count(*) from stat s where ");
        assertThat(third.ids()).doesNotContain("over ()");
        assertThat(third.offset()).isEqualTo(40);
        assertThat(third.idValues()).endsWith(20, 40L);
    }

    @ParameterizedTest
    @EnumSource(StatQuery.Order.class)
    void everyConditionBindsAValueToEachOfItsQuestionMarks(StatQuery.Order order) {
        for (int page : new int[] {1, 2}) {
            for (String text : new String[] {null, "rapidus", "920 billion"}) {
                for (String lacks : new String[] {null, "ja"}) {
                    for (List<String> tags : List.of(List.<String>of(), List.of("japan", "chips"))) {
                        ListQueries queries = ListQueries.of(new StatQuery(
                                EnumSet.of(StatStatus.PUBLISHED, StatStatus.RETRACTED),
                                tags,
                                text,
                                page,
                                20,
                                lacks,
                                order,
                                false));
                        assertThat(queries.idValues()).hasSize(questionMarks(queries.ids()));
                        if (!queries.counted()) {
                            assertThat(queries.countValues()).hasSize(questionMarks(queries.count()));
                        }
                    }
                }
            }
        }
    }

    @Test
    void aValueAsEditorsTypeItIsLookedForAsANumber() {
        ListQueries queries = ListQueries.of(new StatQuery(PUBLISHED, List.of(), "920 billion", 1, 20));

        assertThat(queries.ids()).contains("s.value = ?");
        assertThat(queries.idValues()).contains(new BigDecimal("920000000000"));
    }

    @Test
    void aSlugsWildcardsAreTakenLiterally() {
        ListQueries queries = ListQueries.of(new StatQuery(PUBLISHED, List.of(), "100%_sure", 1, 20));

        assertThat(queries.idValues()).contains("%100\\%\\_sure%");
    }

    private static int questionMarks(String sql) {
        return (int) sql.chars().filter(c -> c == '?').count();
    }
}
