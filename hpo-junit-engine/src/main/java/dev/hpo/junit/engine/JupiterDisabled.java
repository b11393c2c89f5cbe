package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Jupiter's {@code @Disabled} on an objective class or method, directly or on a composed annotation: the objective
 * is skipped with the annotation's reason, as Jupiter skips a disabled test. Read by type name through the element's
 * class loader, as {@link JupiterTags} reads tags. Jupiter's other conditions ({@code @DisabledOnOs}, {@code
 * @EnabledIf}, …) are extensions, which the hpo engine does not run.
 */
final class JupiterDisabled {

    static final String MARK = " is @Disabled";

    private JupiterDisabled() {
    }

    /** Why {@code element} is disabled ({@code "Tuning.slow is @Disabled: too slow for CI"}), if it is. */
    static Optional<String> reason(AnnotatedElement element, ClassLoader loader, String name) {
        Class<? extends Annotation> type = annotationType(loader);
        if (type == null) {
            return Optional.empty();
        }
        return AnnotationSupport.findAnnotation(element, type).map(a -> {
            String value = value(a);
            return name + MARK + (value.isBlank() ? "" : ": " + value);
        });
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Annotation> annotationType(ClassLoader loader) {
        try {
            return (Class<? extends Annotation>) Class.forName("org.junit.jupiter.api.Disabled", false, loader);
        } catch (ClassNotFoundException | LinkageError noJupiter) {
            return null;
        }
    }

    private static String value(Annotation disabled) {
        try {
            return String.valueOf(disabled.annotationType().getMethod("value").invoke(disabled));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return "";
        }
    }
}
