package dev.statcallouts.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A well-formed BCP 47 language tag with a language, such as "en", "ja" or "pt-BR". */
@Documented
@Constraint(validatedBy = LanguageTag.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag such as en, ja or pt-BR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }

        /** The locale of a tag, or null when the tag is not well-formed. */
        public static Locale parse(String tag) {
            if (tag.length() > 35) {
                return null;
            }
            try {
                Locale locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
                return locale.getLanguage().isEmpty() ? null : locale;
            } catch (IllformedLocaleException e) {
                return null;
            }
        }
    }
}
