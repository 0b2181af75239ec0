package dev.statcallouts.common;

/** One refused field: a JSON path into the input ("sources[0].url"), a form field or a parameter name. */
public record FieldError(String field, String message) {}
