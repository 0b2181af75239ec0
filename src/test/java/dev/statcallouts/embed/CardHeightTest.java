package dev.statcallouts.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CardHeightTest {

    private static FigureCard card(String figure, String label, String context, List<String> notices) {
        return card(figure, label, context, notices, null);
    }

    private static FigureCard card(
            String figure, String label, String context, List<String> notices, String retractedAs) {
        return new FigureCard(
                "slug",
                figure,
                label,
                context,
                "Source",
                List.of(new FigureCard.SourceLink(
                        "Reuters", "https://example.org", "", "https://stats.example/s/slug/sources/1")),
                "As of April 2, 2024",
                notices,
                null,
                "See the current figure",
                retractedAs,
                CardHeight.units(figure),
                List.of(),
                null,
                null);
    }

    @Test
    void wideCharactersCountNearlyDouble() {
        assertThat(CardHeight.units("920")).isEqualTo(3);
        assertThat(CardHeight.units("9200億円")).isGreaterThan(CardHeight.units("9200abc"));
    }

    @Test
    void narrowerCardsAreTaller() {
        FigureCard card = card("¥920 billion", "cumulative investment in Rapidus", "The state's share", List.of());
        int phone = CardHeight.estimate(card, 320);
        int desktop = CardHeight.estimate(card, 1200);
        assertThat(phone).isGreaterThan(desktop);
        assertThat(CardHeight.estimate(card, CardHeight.MIN_WIDTH)).isGreaterThan(phone);
    }

    @Test
    void everyPartOfTheCardAddsHeight() {
        FigureCard plain = card("65%", "of organizations use generative AI", null, List.of());
        FigureCard withContext = card("65%", "of organizations use generative AI", "Up from 33% in 2023", List.of());
        FigureCard pinned = card(
                "65%", "of organizations use generative AI", null, List.of("A newer version of this figure exists."));
        FigureCard retracted = card(
                "65%",
                "of organizations use generative AI", null, List.of("Retracted: wrong survey"), "Retracted figure");
        assertThat(CardHeight.estimate(withContext, 500)).isGreaterThan(CardHeight.estimate(plain, 500));
        assertThat(CardHeight.estimate(pinned, 500)).isGreaterThan(CardHeight.estimate(plain, 500));
        // The retraction leads and the old number recedes: its notice adds more than the smaller figure takes away.
        assertThat(CardHeight.estimate(retracted, 500)).isGreaterThan(CardHeight.estimate(plain, 500) - 40);
    }

    @Test
    void collectionsNeverLeaveOneFigureAloneOnTheLastRow() {
        assertThat(CardHeight.columns(4, 1200)).isEqualTo(4);
        assertThat(CardHeight.columns(4, 700)).isEqualTo(2);
        assertThat(CardHeight.columns(3, 500)).isEqualTo(1);
        assertThat(CardHeight.columns(5, 800)).isEqualTo(3);
        assertThat(CardHeight.columns(1, 1200)).isEqualTo(1);
        assertThat(CardHeight.columnsCss(4))
                .contains("repeat(2,1fr)")
                .contains("repeat(4,1fr)")
                .doesNotContain("repeat(3,");
    }
}
