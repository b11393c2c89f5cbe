package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Jupiter's annotations ({@code org.junit.jupiter.api}) read by name through the objective class's own class loader:
 * the engine does not depend on Jupiter, and a project without it simply has none of them.
 */
final class JupiterAnnotations {

    private static final String PACKAGE = "org.junit.jupiter.api.";

    private JupiterAnnotations() {
    }

    /** The annotation type {@code org.junit.jupiter.api.<simpleName>} as the loader sees it, or null. */
    @SuppressWarnings("unchecked")
    static Class<? extends Annotation> type(ClassLoader loader, String simpleName) {
        try {
            return (Class<? extends Annotation>) Class.forName(PACKAGE + simpleName, false, loader);
        } catch (ClassNotFoundException | LinkageError noJupiter) {
            return null;
        }
    }

    /**
     * The {@code value()} of the annotation on the element, directly or on a composed annotation (meta-present), as
     * text; empty when the annotation is absent.
     */
    static Optional<String> value(AnnotatedElement element, ClassLoader loader, String simpleName) {
        Class<? extends Annotation> type = type(loader, simpleName);
        if (type == null) {
            return Optional.empty();
        }
        return AnnotationSupport.findAnnotation(element, type).map(a -> {
            try {
                return String.valueOf(type.getMethod("value").invoke(a));
            } catch (ReflectiveOperationException e) {
                return "";
            }
        });
    }
}
