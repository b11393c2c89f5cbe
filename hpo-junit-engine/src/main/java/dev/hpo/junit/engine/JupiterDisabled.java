package dev.hpo.junit.engine;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

/**
 * Jupiter's {@code @Disabled} on an objective class or method, directly or on a composed annotation: the objective
 * is skipped with the annotation's reason, as Jupiter skips a disabled test. Jupiter's other conditions
 * ({@code @DisabledOnOs}, {@code @EnabledIf}, …) are extensions, which the hpo engine does not run.
 */
final class JupiterDisabled {

    private JupiterDisabled() {
    }

    /** Why {@code element} is disabled ({@code "Tuning.slow is @Disabled: too slow for CI"}), if it is. */
    static Optional<String> reason(AnnotatedElement element, ClassLoader loader, String name) {
        return JupiterAnnotations.value(element, loader, "Disabled")
                .map(value -> name + " is @Disabled" + (value.isBlank() ? "" : ": " + value));
    }
}
