package dev.statcallouts.stats.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.statcallouts.http.FieldPaths;
import dev.statcallouts.http.Problem.FieldError;
import dev.statcallouts.stats.rest.StatInput;

/**
 * The API's rules applied to a figure typed as text (a CSV row, a web form): the same field
 * names and words as a refused {@code POST /api/stats}.
 */
@ApplicationScoped
public class StatChecks {

    @Inject
    Validator validator;

    /**
     * Everything wrong with {@code input}, sorted by field: the values that could not be parsed
     * ({@code unparsed}) first, then the API's constraints on the rest.
     */
    public List<FieldError> errors(StatInput input, List<FieldError> unparsed) {
        List<FieldError> errors = new ArrayList<>(unparsed);
        Set<String> unparsedFields = new HashSet<>(unparsed.stream().map(FieldError::field).toList());
        for (ConstraintViolation<StatInput> violation : validator.validate(input)) {
            String field = FieldPaths.of(violation.getPropertyPath()).name();
            if (!unparsedFields.contains(field)) { // "must not be null" after "must be a number" says nothing new
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }
}
