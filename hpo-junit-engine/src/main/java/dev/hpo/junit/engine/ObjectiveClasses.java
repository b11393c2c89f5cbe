package dev.hpo.junit.engine;

import dev.hpo.junit.Objective;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Which classes and methods are objectives: a method annotated with {@link Objective}, declared in the class or
 * inherited, and a class that has one or holds a Jupiter {@code @Nested} class that has one. Abstract classes and
 * interfaces count too, because a static objective needs no instance (an instance objective there is reported as
 * malformed).
 */
final class ObjectiveClasses {

    private ObjectiveClasses() {
    }

    static boolean isObjective(Method method) {
        return method.isAnnotationPresent(Objective.class);
    }

    /**
     * Whether a class stands on its own: a top-level or static class with objectives, its own or its nested classes'
     * (an abstract class's nested ones run inside its concrete subclasses only, as in Jupiter). An inner class that is
     * not {@code @Nested} counts too when it has objectives, so that they are reported as malformed rather than
     * silently ignored.
     */
    static boolean isCandidate(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isAnnotation()
                || type.isPrimitive() || type.isArray() || Modifier.isPrivate(type.getModifiers()) || isNested(type)) {
            return false;
        }
        return !objectives(type).isEmpty() || (!Modifier.isAbstract(type.getModifiers())
                && !nestedClasses(type).isEmpty());
    }

    /** Whether the class or one of its {@code @Nested} classes, at any depth, declares or inherits an objective. */
    static boolean hasObjectives(Class<?> type) {
        return !objectives(type).isEmpty() || !nestedClasses(type).isEmpty();
    }

    /** The objective methods of a class, superclasses' first. */
    static List<Method> objectives(Class<?> type) {
        return ReflectionSupport.findMethods(type, ObjectiveClasses::isObjective, HierarchyTraversalMode.TOP_DOWN);
    }

    /**
     * Whether the class is a Jupiter {@code @Nested} class: an inner (non-static) member class so annotated, whose
     * instances live inside one of the enclosing class.
     */
    static boolean isNested(Class<?> type) {
        if (!type.isMemberClass() || Modifier.isStatic(type.getModifiers())) {
            return false;
        }
        Class<? extends Annotation> nested = JupiterAnnotations.type(type.getClassLoader(), "Nested");
        return nested != null && AnnotationSupport.isAnnotated(type, nested);
    }

    /**
     * The {@code @Nested} classes of a class that hold objectives: its own, and those it inherits, which run inside its
     * instances.
     */
    static List<Class<?>> nestedClasses(Class<?> type) {
        return ReflectionSupport.findNestedClasses(type, c -> isNested(c) && !Modifier.isPrivate(c.getModifiers())
                && hasObjectives(c));
    }

    /**
     * The classes that declare {@code type}, the outermost first, ending with {@code type}: just {@code type} unless it
     * is {@code @Nested}. (A nested class inherited by a subclass runs inside the subclass's instances instead, which
     * discovery follows with nested selectors.)
     */
    static List<Class<?>> enclosingChain(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null; c = isNested(c) ? c.getEnclosingClass() : null) {
            chain.add(0, c);
        }
        return chain;
    }
}
