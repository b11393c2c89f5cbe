package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The Jupiter lifecycle methods of an objective class, run around its objectives as Jupiter runs them around tests:
 * {@code @BeforeAll} once before the class's first objective runs and {@code @AfterAll} after its last, both static;
 * {@code @BeforeEach} and {@code @AfterEach} on every trial's fresh instance, around the objective's call (they do
 * not apply to a static objective, which has no instance). Superclass methods run first for the "before" kinds and
 * last for the "after" kinds; an "after" method runs even when what it follows failed, and every one of them runs.
 *
 * <p>A class annotated {@code @TestInstance(Lifecycle.PER_CLASS)} gets one instance for all its objectives' trials,
 * as Jupiter gives such a class one instance for all its tests: its {@code @BeforeAll} and {@code @AfterAll} methods
 * may then be instance methods, and state set up once (a loaded data set, a cache) is seen by every trial, on every
 * thread of a parallel study.
 *
 * <p>Found through {@link JupiterAnnotations}: the engine does not depend on Jupiter. Lifecycle methods take no
 * arguments here: the parameter resolvers Jupiter offers them ({@code TestInfo}, {@code @TempDir}) belong to Jupiter's
 * extension model, which hpo does not run, so such a method is reported rather than silently skipped.
 */
final class JupiterLifecycle {

    /** A class without Jupiter or without lifecycle methods and a per-class lifecycle. */
    static final JupiterLifecycle NONE = new JupiterLifecycle(false, List.of(), List.of(), List.of(), List.of());

    private final boolean perClass;
    private final List<Method> beforeAll;
    private final List<Method> afterAll;
    private final List<Method> beforeEach;
    private final List<Method> afterEach;

    private JupiterLifecycle(boolean perClass, List<Method> beforeAll, List<Method> afterAll, List<Method> beforeEach,
            List<Method> afterEach) {
        this.perClass = perClass;
        this.beforeAll = beforeAll;
        this.afterAll = afterAll;
        this.beforeEach = beforeEach;
        this.afterEach = afterEach;
    }

    /**
     * The lifecycle methods of {@code testClass} and its superclasses.
     *
     * @throws InvalidObjectiveException when one cannot be called as Jupiter would: private, not returning void,
     *         taking parameters, or {@code @BeforeAll}/{@code @AfterAll} on an instance method of a class without
     *         {@code @TestInstance(PER_CLASS)}
     */
    static JupiterLifecycle of(Class<?> testClass) {
        boolean perClass = perClass(testClass);
        List<Method> beforeAll = find(testClass, "BeforeAll", HierarchyTraversalMode.TOP_DOWN, !perClass);
        List<Method> afterAll = find(testClass, "AfterAll", HierarchyTraversalMode.BOTTOM_UP, !perClass);
        List<Method> beforeEach = find(testClass, "BeforeEach", HierarchyTraversalMode.TOP_DOWN, false);
        List<Method> afterEach = find(testClass, "AfterEach", HierarchyTraversalMode.BOTTOM_UP, false);
        if (!perClass && beforeAll.isEmpty() && afterAll.isEmpty() && beforeEach.isEmpty() && afterEach.isEmpty()) {
            return NONE;
        }
        return new JupiterLifecycle(perClass, beforeAll, afterAll, beforeEach, afterEach);
    }

    /** Whether the class (or a superclass: the annotation is inherited) says {@code @TestInstance(PER_CLASS)}. */
    private static boolean perClass(Class<?> testClass) {
        return JupiterAnnotations.value(testClass, testClass.getClassLoader(), "TestInstance").orElse("")
                .equals("PER_CLASS");
    }

    private static List<Method> find(Class<?> testClass, String simpleName, HierarchyTraversalMode order,
            boolean staticOnly) {
        Class<? extends Annotation> type = JupiterAnnotations.type(testClass.getClassLoader(), simpleName);
        if (type == null) {
            return List.of();
        }
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(testClass, type, order);
        for (Method m : methods) {
            String where = "@" + simpleName + " method " + m.getDeclaringClass().getName() + "." + m.getName() + "()";
            if (staticOnly && !Modifier.isStatic(m.getModifiers())) {
                throw new InvalidObjectiveException(where + " is not static; make it static, or give the class"
                        + " @TestInstance(Lifecycle.PER_CLASS) to run its objectives on one instance");
            }
            if (Modifier.isPrivate(m.getModifiers())) {
                throw new InvalidObjectiveException(where + " is private; make it package-private or public so"
                        + " that the engine can call it");
            }
            if (m.getReturnType() != void.class) {
                throw new InvalidObjectiveException(where + " returns " + m.getReturnType().getSimpleName()
                        + "; a lifecycle method returns void");
            }
            if (m.getParameterCount() > 0) {
                List<String> types = Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList();
                throw new InvalidObjectiveException(where + " takes parameters " + types + "; hpo calls lifecycle"
                        + " methods without arguments (Jupiter's parameter resolvers do not run in the hpo engine), so"
                        + " drop them or move the objective to a class of its own");
            }
            m.setAccessible(true);
        }
        return List.copyOf(methods);
    }

    boolean hasAll() {
        return !beforeAll.isEmpty() || !afterAll.isEmpty();
    }

    /** Whether the class's objectives share one instance ({@code @TestInstance(PER_CLASS)}). */
    boolean perClass() {
        return perClass;
    }

    /**
     * Runs the {@code @BeforeAll} methods, stopping at the first that throws; {@code instance} is the shared one of a
     * per-class lifecycle, or null (reflection ignores it for static methods).
     */
    void beforeAll(Object instance) throws Exception {
        for (Method m : beforeAll) {
            call(m, instance);
        }
    }

    /** Runs every {@code @AfterAll} method; the first exception is thrown, later ones suppressed in it. */
    void afterAll(Object instance) throws Exception {
        rethrow(runAll(afterAll, instance, null));
    }

    /**
     * Calls {@code objective} on {@code instance} between its {@code @BeforeEach} and {@code @AfterEach} methods:
     * the objective is skipped when a {@code @BeforeEach} method throws, the {@code @AfterEach} methods run anyway,
     * and the first exception wins, later ones suppressed in it.
     */
    Object aroundEach(Object instance, ObjectiveCall objective) throws Exception {
        if (instance == null || (beforeEach.isEmpty() && afterEach.isEmpty())) {
            return objective.call();
        }
        Object result = null;
        Throwable first = null;
        try {
            for (Method m : beforeEach) {
                call(m, instance);
            }
            result = objective.call();
        } catch (Exception | Error e) {
            first = e;
        }
        first = runAll(afterEach, instance, first);
        rethrow(first);
        return result;
    }

    /** The objective's own call, with its exceptions as thrown. */
    interface ObjectiveCall {
        Object call() throws Exception;
    }

    private static Throwable runAll(List<Method> methods, Object instance, Throwable first) {
        for (Method m : methods) {
            try {
                call(m, instance);
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else if (first != e) {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    private static void call(Method m, Object instance) throws Exception {
        ObjectiveInvoker.unwrap(() -> m.invoke(instance));
    }

    private static void rethrow(Throwable t) throws Exception {
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
