package dev.statcallouts.collections;

/** A collection was created, changed or deleted (fired inside the writing transaction). */
public record CollectionChanged(String slug) {}
