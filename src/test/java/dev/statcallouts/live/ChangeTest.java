package dev.statcallouts.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void carriesWhenItWasWrittenAndStillReadsTheEarlierForm() {
        Change change = new Change('s', 7, "rapidus-investment", 1_800_000_000_000L);
        assertThat(change.payload()).isEqualTo("S:7:1800000000000:rapidus-investment");
        assertThat(Change.parse(change.payload())).isEqualTo(change);
        assertThat(Change.parse("c:0:ai-by-the-numbers")).isEqualTo(new Change('c', 0, "ai-by-the-numbers", 0));
        assertThat(Change.parse("S:7:soon:rapidus")).isNull();
        assertThat(Change.parse("garbage")).isNull();
    }
}
