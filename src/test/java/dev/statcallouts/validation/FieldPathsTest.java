package dev.statcallouts.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

    record Source(@NotBlank String url) {}

    record Input(@NotBlank String label, List<@Valid Source> sources) {}

    static class Resource {
        public void save(@Valid Input input, @Positive int size) {}
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private static List<FieldPaths.FieldPath> paths(Object... arguments) throws Exception {
        var method = Resource.class.getMethod("save", Input.class, int.class);
        return VALIDATOR.forExecutables().validateParameters(new Resource(), method, arguments).stream()
                .map(v -> FieldPaths.of(v.getPropertyPath()))
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    @Test
    void insideABodyTheJsonPathWithoutMethodOrParameter() throws Exception {
        assertThat(paths(new Input("", List.of(new Source("ok"), new Source(" "))), 1))
                .containsExactly(
                        new FieldPaths.FieldPath("label", true), new FieldPaths.FieldPath("sources[1].url", true));
    }

    @Test
    void aParameterByItsOwnName() throws Exception {
        assertThat(paths(new Input("label", List.of()), 0)).containsExactly(new FieldPaths.FieldPath("size", false));
    }
}
