package dev.statcallouts.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.statcallouts.common.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem document, with the offending fields when a request was invalid. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
// Sent as a Response entity (exception mappers): not a declared return type, so registered for native.
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
