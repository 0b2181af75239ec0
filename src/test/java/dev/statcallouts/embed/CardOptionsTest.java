package dev.statcallouts.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.statcallouts.common.DomainException;

class CardOptionsTest {

    @Test
    void defaultsLeaveNoQuery() {
        CardOptions options = CardOptions.parse(null, " ", "", null);
        assertThat(options).isEqualTo(new CardOptions(Theme.LIGHT, null, CardOptions.DEFAULT_ACCENT, null));
        assertThat(options.query()).isEmpty();
    }

    @Test
    void optionsAreNormalisedAndReproducedByTheirQuery() {
        CardOptions options = CardOptions.parse(" Dark ", "de-AT", "#0A7D5A", "3");
        assertThat(options).isEqualTo(new CardOptions(Theme.DARK, Locale.GERMAN, "0a7d5a", 3));
        assertThat(options.query()).isEqualTo("?theme=dark&lang=de&accent=0a7d5a&v=3");
        assertThat(CardOptions.parse("dark", "de", "0a7d5a", "3")).isEqualTo(options);
    }

    @Test
    void aLanguageCardsDoNotSpeakMeansTheFiguresOwn() {
        assertThat(CardOptions.parse(null, "pt-BR", null, null).lang()).isNull();
    }

    @Test
    void malformedOptionsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> CardOptions.parse("purple", null, null, null))
                .isInstanceOf(DomainException.Malformed.class)
                .extracting(e -> ((DomainException) e).errors().get(0).field())
                .isEqualTo("theme");
        assertThatThrownBy(() -> CardOptions.parse(null, null, "red", null))
                .extracting(e -> ((DomainException) e).errors().get(0).field())
                .isEqualTo("accent");
        assertThatThrownBy(() -> CardOptions.parse(null, null, null, "0"))
                .extracting(e -> ((DomainException) e).errors().get(0).field())
                .isEqualTo("v");
        assertThatThrownBy(() -> CardOptions.parse(null, "not a tag!", null, null))
                .extracting(e -> ((DomainException) e).errors().get(0).field())
                .isEqualTo("lang");
    }
}
