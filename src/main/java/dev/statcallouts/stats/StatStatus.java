package dev.statcallouts.stats;

/** Where a figure is in its life: drafts are for editors, retracted figures stay visible as retracted. */
public enum StatStatus {
    DRAFT,
    PUBLISHED,
    RETRACTED
}
