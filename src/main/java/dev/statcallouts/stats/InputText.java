package dev.statcallouts.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.statcallouts.common.FieldError;

/**
 * Typed values from text that people type (CSV cells, web forms), with the API's wording when a
 * value cannot even be parsed. Blank text is no value.
 */
public final class InputText {

    private InputText() {}

    /** The text stripped, or null when blank. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** The text as it was, or empty for none: what a form shows again. */
    public static String orEmpty(String raw) {
        return raw == null ? "" : raw;
    }

    /** A decimal ("920000000000", "1_000", "0.65"), or null with an error under {@code field}. */
    public static BigDecimal decimal(String raw, String field, List<FieldError> errors) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace("_", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a decimal number"));
            return null;
        }
    }

    /** An ISO date, or null with an error under {@code field}. */
    public static LocalDate date(String raw, String field, List<FieldError> errors) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2024-04-02"));
            return null;
        }
    }
}
