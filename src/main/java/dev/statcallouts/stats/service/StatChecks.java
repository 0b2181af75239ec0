package dev.statcallouts.stats.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import dev.statcallouts.common.FieldError;
import dev.statcallouts.common.NulCharacters;
import dev.statcallouts.stats.StatInput;
import dev.statcallouts.validation.FieldPaths;

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
        Set<String> unparsedFields =
                new HashSet<>(unparsed.stream().map(FieldError::field).toList());
        for (ConstraintViolation<StatInput> violation : validator.validate(input)) {
            String field = FieldPaths.of(violation.getPropertyPath()).name();
            if (!unparsedFields.contains(field)) { // "must not be null" after "must be a number" says nothing new
                errors.add(new FieldError(field, violation.getMessage()));
            }
        }
        nulCharacters(input).forEach(field -> errors.add(new FieldError(field, NulCharacters.MESSAGE)));
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /** The fields of a typed figure whose text holds a NUL character, which PostgreSQL cannot store. */
    static List<String> nulCharacters(StatInput input) {
        List<String> fields = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("slug", input.slug());
        texts.put("label", input.label());
        texts.put("context", input.context());
        texts.put("locale", input.locale());
        texts.put("status", input.status());
        texts.put("note", input.note());
        if (input.display() != null) {
            texts.put("display.kind", input.display().kind());
            texts.put("display.currency", input.display().currency());
            texts.put("display.unit", input.display().unit());
            texts.put("display.qualifier", input.display().qualifier());
            texts.put("display.notation", input.display().notation());
            texts.put("display.override", input.display().override());
        }
        for (int i = 0; input.sources() != null && i < input.sources().size(); i++) {
            if (input.sources().get(i) != null) {
                texts.put("sources[" + i + "].name", input.sources().get(i).name());
                texts.put("sources[" + i + "].url", input.sources().get(i).url());
            }
        }
        for (int i = 0; input.tags() != null && i < input.tags().size(); i++) {
            texts.put("tags[" + i + "]", input.tags().get(i));
        }
        texts.forEach((field, text) -> {
            if (NulCharacters.in(text)) {
                fields.add(field);
            }
        });
        return fields;
    }
}
