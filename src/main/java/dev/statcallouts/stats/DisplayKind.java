package dev.statcallouts.stats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a figure's number measures, which decides how it is formatted. */
public enum DisplayKind {
    /** An amount of money in the ISO 4217 currency given with it. */
    CURRENCY("¥920 billion"),
    /** A percentage: the value 65 reads "65%". */
    PERCENT("65%"),
    /** A factor: the value 100 reads "100x". */
    MULTIPLIER("100x"),
    /** A plain count of things. */
    COUNT("1.2 million"),
    /** A number followed by a custom unit such as "nm". */
    UNIT("2 nm");

    /** The words a refused kind is answered with: every kind there is. */
    public static final String ONE_OF = "must be one of "
            + Arrays.stream(values()).map(DisplayKind::wireName).collect(Collectors.joining(", "));

    /** How a figure of this kind reads, for editors choosing one. */
    public final String example;

    DisplayKind(String example) {
        this.example = example;
    }

    /** The name in the API, CSV and forms: "currency". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind with this name in the API, CSV or a form. */
    public static Optional<DisplayKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}
