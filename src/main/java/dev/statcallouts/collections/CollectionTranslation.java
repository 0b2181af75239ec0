package dev.statcallouts.collections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A collection's title and description in one more language. */
@Embeddable
public class CollectionTranslation {

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 1000)
    public String description;

    public CollectionTranslation() {}

    public CollectionTranslation(String title, String description) {
        this.title = title;
        this.description = description;
    }
}
