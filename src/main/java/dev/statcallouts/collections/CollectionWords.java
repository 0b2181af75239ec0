package dev.statcallouts.collections;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection's title and description in another language, as the API carries them. */
public record CollectionWords(
        @NotBlank @Size(max = 200) @Schema(example = "数字で見るAI")
        String title,

        @Size(max = 1000) String description) {

    public static CollectionWords of(CollectionTranslation translation) {
        return new CollectionWords(translation.title, translation.description);
    }

    public CollectionTranslation toEntity() {
        return new CollectionTranslation(
                title.strip(), description == null || description.isBlank() ? null : description.strip());
    }
}
