package dev.hpo.junit.engine;

import dev.hpo.junit.Objective;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which classes and methods are objectives: a method annotated with {@link Objective}, declared in the class or
 * inherited, and a class that has one. Abstract classes and interfaces count too, because a static objective
 * needs no instance (an instance objective there is reported as malformed).
 */
final class ObjectiveClasses {

    private ObjectiveClasses() {
    }

    static boolean isObjective(Method method) {
        return method.isAnnotationPresent(Objective.class);
    }

    static boolean isCandidate(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isAnnotation()
                || type.isPrimitive() || type.isArray() || Modifier.isPrivate(type.getModifiers())) {
            return false;
        }
        return !objectives(type).isEmpty();
    }

    /** The objective methods of a class, superclasses' first. */
    static List<Method> objectives(Class<?> type) {
        return ReflectionSupport.findMethods(type, ObjectiveClasses::isObjective, HierarchyTraversalMode.TOP_DOWN);
    }
}
