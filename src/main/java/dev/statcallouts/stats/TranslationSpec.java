package dev.statcallouts.stats;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A figure's words in another language, as the API and the revision history carry them.
 *
 * @param sourceNames display names of the sources in their order; a blank one keeps the original name
 */
public record TranslationSpec(
        @NotBlank @Size(max = 200) @Schema(example = "ラピダスへの累計投資額")
        String label,

        @Size(max = 1000) String context,
        @Size(max = 20) List<@NotNull @Size(max = 200) String> sourceNames) {

    public static TranslationSpec of(StatTranslation translation) {
        return new TranslationSpec(translation.label, translation.context, List.copyOf(translation.sourceNames));
    }

    public StatTranslation toEntity() {
        return new StatTranslation(
                label.strip(),
                context == null || context.isBlank() ? null : context.strip(),
                sourceNames == null
                        ? List.of()
                        : sourceNames.stream().map(String::strip).toList());
    }

    /** The display name of the source at {@code index} in this language, or {@code original} where none is given. */
    public String sourceName(int index, String original) {
        if (sourceNames == null
                || index >= sourceNames.size()
                || sourceNames.get(index).isBlank()) {
            return original;
        }
        return sourceNames.get(index);
    }

    public boolean sameWords(TranslationSpec other) {
        return label.equals(other.label)
                && Objects.equals(context, other.context)
                && Objects.equals(sourceNames, other.sourceNames);
    }
}
