package dev.statcallouts.editor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.statcallouts.common.FieldError;

class FormWordsTest {

    @Test
    void fieldPathsReadAsTheFormNamesThem() {
        assertThat(FormWords.of("value")).isEqualTo("Value");
        assertThat(FormWords.of("display.currency")).isEqualTo("Currency");
        assertThat(FormWords.of("sources[1].url")).isEqualTo("Source 2, link");
        assertThat(FormWords.of("translations[ja].label")).isEqualTo("Label in ja");
        assertThat(FormWords.of("translations[de]")).isEqualTo("Words in de");
        assertThat(FormWords.of("sources[0].published")).isEqualTo("Source 1, published");
        assertThat(FormWords.of("stats[1]")).isEqualTo("2nd figure");
        assertThat(FormWords.of("stats[10]")).isEqualTo("11th figure");
        assertThat(FormWords.of("stats[21]")).isEqualTo("22nd figure");
        assertThat(FormWords.of("tags[2]")).isEqualTo("3rd tag");
        assertThat(FormWords.of("something.else")).isEqualTo("something.else");
    }

    @Test
    void refusalsReadAsOneLineInTheFormsWords() {
        assertThat(FormWords.describe(List.of(
                        new FieldError("stats[1]", "must be lowercase letters, digits and dashes"),
                        new FieldError("title", "must not be blank"))))
                .isEqualTo("2nd figure: must be lowercase letters, digits and dashes; Title: must not be blank");
    }
}
