package dev.statcallouts.stats;

/** What a figure's number measures, which decides how it is formatted. */
public enum DisplayKind {
    /** An amount of money in the ISO 4217 currency given with it. */
    CURRENCY,
    /** A percentage: the value 65 reads "65%". */
    PERCENT,
    /** A factor: the value 100 reads "100x". */
    MULTIPLIER,
    /** A plain count of things. */
    COUNT,
    /** A number followed by a custom unit such as "nm". */
    UNIT
}
