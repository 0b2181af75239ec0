package dev.statcallouts.editor.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;

import dev.statcallouts.common.DomainException;
import dev.statcallouts.common.FieldError;
import dev.statcallouts.validation.FieldPaths;

/** An editor form checked by the API's own input record, refused in the form's words. */
@ApplicationScoped
public class FormChecks {

    @Inject
    Validator validator;

    /** What is wrong with {@code input} as one line ("Title: must not be blank; …"), or null when nothing is. */
    public String refusal(Object input) {
        List<FieldError> errors = validator.validate(input).stream()
                .map(v -> new FieldError(FieldPaths.of(v.getPropertyPath()).name(), v.getMessage()))
                .toList();
        return errors.isEmpty() ? null : FormWords.describe(errors);
    }

    /** A refusal of the services in the form's words. */
    public static String refusal(DomainException refused) {
        return refused.errors().isEmpty() ? refused.getMessage() : FormWords.describe(refused.errors());
    }
}
