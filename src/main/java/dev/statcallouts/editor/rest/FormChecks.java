package dev.statcallouts.editor.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import dev.statcallouts.validation.FieldPaths;

/** An editor form checked by the API's own input record, refused in the API's words. */
@ApplicationScoped
public class FormChecks {

    @Inject
    Validator validator;

    /** What is wrong with {@code input} as one line ("title: must not be blank; …"), or null when nothing is. */
    public String refusal(Object input) {
        List<String> messages = validator.validate(input).stream()
                .map(v -> FieldPaths.of(v.getPropertyPath()).name() + ": " + v.getMessage())
                .sorted()
                .toList();
        return messages.isEmpty() ? null : String.join("; ", messages);
    }
}
