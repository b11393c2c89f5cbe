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
 * inherited, and a class that has one or holds a Jupiter {@code @Nested} class that has one. An abstract class or an
 * interface has no instance to run an instance objective on: as Jupiter runs such a type's tests in its concrete
 * subclasses only (and does not even report the type), its instance objectives and its {@code @Nested} classes run in
 * each concrete subclass, and it is an objective class of its own only for its static objectives, which need no
 * instance (Jupiter has no static tests to follow there; those keep running as they did, in the type itself).
 */
final class ObjectiveClasses {

    private ObjectiveClasses() {
    }

    static boolean isObjective(Method method) {
        return method.isAnnotationPresent(Objective.class);
    }

    /**
     * Whether {@code method} is an objective that runs in {@code type}: a static one anywhere, an instance one in a
     * concrete class only.
     */
    static boolean runsIn(Class<?> type, Method method) {
        return isObjective(method) && (Modifier.isStatic(method.getModifiers()) || !isAbstract(type));
    }

    /**
     * Whether {@code classes} (the outermost first, as {@link #enclosingChain}) can hold an instance of a class nested
     * in the last of them: none is abstract.
     */
    static boolean canEnclose(List<Class<?>> classes) {
        return classes.stream().noneMatch(ObjectiveClasses::isAbstract);
    }

    /** Whether the class has no instances of its own: an abstract class or an interface. */
    static boolean isAbstract(Class<?> type) {
        return Modifier.isAbstract(type.getModifiers());  // an interface is abstract too
    }

    /**
     * Whether a class stands on its own: a top-level or static class with objectives that run there, its own or its
     * nested classes' ({@link #hasObjectives}). An inner class that is
     * not {@code @Nested} counts too when it has objectives, so that they are reported as malformed rather than
     * silently ignored.
     */
    static boolean isCandidate(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic() || type.isAnnotation()
                || type.isPrimitive() || type.isArray() || Modifier.isPrivate(type.getModifiers()) || isNested(type)) {
            return false;
        }
        return hasObjectives(type);
    }

    /**
     * Whether the class or one of its {@code @Nested} classes, at any depth, declares or inherits an objective that
     * runs there ({@link #objectives}); an abstract class's nested ones run inside its concrete subclasses only.
     */
    static boolean hasObjectives(Class<?> type) {
        return !objectives(type).isEmpty() || (!isAbstract(type) && !nestedClasses(type).isEmpty());
    }

    /** The objective methods that run in a class ({@link #runsIn}), superclasses' first. */
    static List<Method> objectives(Class<?> type) {
        return ReflectionSupport.findMethods(type, m -> runsIn(type, m), HierarchyTraversalMode.TOP_DOWN);
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
     * instances. JUnit's search also asks the predicate about an inner class itself (to detect cycles), which must not
     * look into the class again: that recursed until the stack overflowed on a {@code @Nested} class without
     * objectives, a plain Jupiter test's.
     */
    static List<Class<?>> nestedClasses(Class<?> type) {
        return ReflectionSupport.findNestedClasses(type, c -> c != type && isNested(c)
                && !Modifier.isPrivate(c.getModifiers()) && hasObjectives(c));
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
