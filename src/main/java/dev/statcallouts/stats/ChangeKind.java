package dev.statcallouts.stats;

import java.util.Locale;

/** What a save did to a figure, as its editor says. */
public enum ChangeKind {
    /** The figure was wrong: readers see "Corrected <date>" and the public history keeps the note. */
    CORRECTION,
    /** New data: readers see "Updated <date>", and the figure's series gains a value. */
    UPDATE,
    /** Wording or presentation, no change in meaning: readers are not told; editors' history keeps it. */
    EDIT;

    public static final String PATTERN = "correction|update|edit";

    public static ChangeKind parse(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether readers are told about it on the card and in the public history. */
    public boolean announced() {
        return this != EDIT;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
