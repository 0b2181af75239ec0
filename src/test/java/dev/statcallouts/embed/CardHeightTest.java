package dev.statcallouts.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CardHeightTest {

    private static FigureCard card(String figure, String label, String context, List<String> notices) {
        return new FigureCard(
                "slug",
                figure,
                label,
                context,
                "Source",
                List.of(new FigureCard.SourceLink("Reuters", "https://example.org", "")),
                "As of April 2, 2024",
                notices,
                null,
                "See the current figure",
                !notices.isEmpty(),
                "f0",
                CardHeight.units(figure),
                List.of());
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
        FigureCard retracted =
                card("65%", "of organizations use generative AI", null, List.of("Retracted: wrong survey"));
        assertThat(CardHeight.estimate(withContext, 500)).isGreaterThan(CardHeight.estimate(plain, 500));
        assertThat(CardHeight.estimate(retracted, 500)).isGreaterThan(CardHeight.estimate(plain, 500));
    }
}
