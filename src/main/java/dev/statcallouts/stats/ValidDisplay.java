package dev.statcallouts.stats;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Currency;
import java.util.Locale;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules between the fields of a display spec: a currency figure names a known ISO 4217
 * currency, a unit figure names its unit, a qualifier is one of the known symbols. Each
 * violation is reported on the field at fault.
 */
@Documented
@Constraint(validatedBy = ValidDisplay.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ValidDisplay {

    String message() default "invalid display";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidDisplay, DisplaySpec> {

        @Override
        public boolean isValid(DisplaySpec display, ConstraintValidatorContext context) {
            if (display == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (display.kind() != null && DisplayKind.of(display.kind()).isEmpty()) {
                valid = fail(context, "kind", DisplayKind.ONE_OF);
            }
            if ("currency".equals(display.kind())) {
                if (isBlank(display.currency())) {
                    valid = fail(context, "currency", "is required when kind is currency");
                } else if (!isKnownCurrency(display.currency())) {
                    valid = fail(context, "currency", "unknown ISO 4217 currency code");
                }
            } else if (!isBlank(display.currency())) {
                valid = fail(context, "currency", "is only allowed when kind is currency");
            }
            if ("unit".equals(display.kind()) && isBlank(display.unit())) {
                valid = fail(context, "unit", "is required when kind is unit");
            }
            if (!isBlank(display.qualifier())
                    && Qualifier.ofSymbol(display.qualifier().strip()).isEmpty()) {
                valid = fail(context, "qualifier", "must be one of + ~ ≥ ≤ > <");
            }
            return valid;
        }

        private static boolean isKnownCurrency(String code) {
            String upper = code.strip().toUpperCase(Locale.ROOT);
            return upper.matches("[A-Z]{3}")
                    && Currency.getAvailableCurrencies().stream()
                            .anyMatch(c -> c.getCurrencyCode().equals(upper));
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static boolean fail(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message)
                    .addPropertyNode(field)
                    .addConstraintViolation();
            return false;
        }
    }
}
