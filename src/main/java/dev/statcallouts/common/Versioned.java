package dev.statcallouts.common;

/** A response body with the entity tag of the state it shows. */
public record Versioned<T>(T body, String etag) {}
