package dev.hpo.junit.engine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The Jupiter lifecycle methods of an objective class, run around its objectives as Jupiter runs them around tests:
 * {@code @BeforeAll} once before the class's first objective runs and {@code @AfterAll} after its last, both static;
 * {@code @BeforeEach} and {@code @AfterEach} on every trial's fresh instance, around the objective's call (they do
 * not apply to a static objective, which has no instance). Superclass methods run first for the "before" kinds and
 * last for the "after" kinds; an "after" method runs even when what it follows failed, and every one of them runs.
 *
 * <p>A class annotated {@code @TestInstance(Lifecycle.PER_CLASS)} (or without the annotation, when
 * {@value JupiterDefaults#LIFECYCLE_DEFAULT} is {@code per_class}) gets one instance for all its objectives' trials,
 * as Jupiter gives such a class one instance for all its tests: its {@code @BeforeAll} and {@code @AfterAll} methods
 * may then be instance methods, and state set up once (a loaded data set, a cache) is seen by every trial, on every
 * thread of a parallel study.
 *
 * <p>Found through {@link JupiterAnnotations}: the engine does not depend on Jupiter. Lifecycle methods may take what
 * Jupiter's built-in resolvers give ({@code TestInfo}, {@code TestReporter}, {@code @TempDir}), and {@code @TempDir}
 * fields are assigned as Jupiter assigns them, static ones per class, instance ones per instance
 * ({@link JupiterScope}), and, in a class that registers extensions, what their {@code ParameterResolver}s resolve
 * ({@link JupiterExtensions}); another parameter is reported as malformed.
 */
final class JupiterLifecycle {

    /** A class without Jupiter or without lifecycle methods and a per-class lifecycle. */
    static final JupiterLifecycle NONE = new JupiterLifecycle(false, false, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), Map.of());

    private final boolean perClass;
    /** Whether the class has static {@code @AutoClose} fields, closed after its {@code @AfterAll} methods. */
    private final boolean closesStatics;
    private final List<Method> beforeAll;
    private final List<Method> afterAll;
    private final List<Method> beforeEach;
    private final List<Method> afterEach;
    private final List<Field> staticTempDirs;
    private final List<Field> instanceTempDirs;
    private final boolean injectsPerTrial;
    private final boolean reportsPerTrial;
    /** The lifecycle methods with a time limit ({@code @Timeout} of their own, or Jupiter's default), with it. */
    private final Map<Method, JupiterTimeout.Limit> timeouts;

    private JupiterLifecycle(boolean perClass, boolean closesStatics, List<Method> beforeAll, List<Method> afterAll,
            List<Method> beforeEach, List<Method> afterEach, List<Field> staticTempDirs, List<Field> instanceTempDirs,
            Map<Method, JupiterTimeout.Limit> timeouts) {
        this.perClass = perClass;
        this.closesStatics = closesStatics;
        this.beforeAll = beforeAll;
        this.afterAll = afterAll;
        this.beforeEach = beforeEach;
        this.afterEach = afterEach;
        this.staticTempDirs = staticTempDirs;
        this.instanceTempDirs = instanceTempDirs;
        this.timeouts = timeouts;
        this.injectsPerTrial = (!perClass && !instanceTempDirs.isEmpty())
                || beforeEach.stream().anyMatch(m -> m.getParameterCount() > 0)
                || afterEach.stream().anyMatch(m -> m.getParameterCount() > 0);
        this.reportsPerTrial = Stream.concat(beforeEach.stream(), afterEach.stream())
                .flatMap(m -> Arrays.stream(m.getParameterTypes()))
                .anyMatch(t -> t.getName().equals(JupiterInjection.TEST_REPORTER_TYPE));
    }

    /**
     * The lifecycle methods of {@code testClass} and its superclasses, with the Jupiter configuration discovery applies
     * ({@code defaults}: the lifecycle of a class without {@code @TestInstance}, a timeout's thread dump).
     *
     * @throws InvalidObjectiveException when one cannot be called as Jupiter would: private, not returning void,
     *         taking a parameter that only an extension could resolve in a class that registers none, or
     *         {@code @BeforeAll}/{@code @AfterAll} on an instance method of a class without
     *         {@code @TestInstance(PER_CLASS)}; or a {@code @TempDir} field that is final or of another type than
     *         {@code Path} or {@code File}
     */
    static JupiterLifecycle of(Class<?> testClass, JupiterDefaults defaults) {
        boolean perClass = perClass(testClass, defaults.perClassLifecycle());
        List<Method> beforeAll = find(testClass, "BeforeAll", HierarchyTraversalMode.TOP_DOWN, !perClass);
        List<Method> afterAll = find(testClass, "AfterAll", HierarchyTraversalMode.BOTTOM_UP, !perClass);
        List<Method> beforeEach = find(testClass, "BeforeEach", HierarchyTraversalMode.TOP_DOWN, false);
        List<Method> afterEach = find(testClass, "AfterEach", HierarchyTraversalMode.BOTTOM_UP, false);
        List<Field> staticTempDirs = JupiterInjection.tempDirFields(testClass, true);
        List<Field> instanceTempDirs = JupiterInjection.tempDirFields(testClass, false);
        boolean closesStatics = JupiterAutoClose.declaresStatic(testClass);
        if (!perClass && !closesStatics && beforeAll.isEmpty() && afterAll.isEmpty() && beforeEach.isEmpty()
                && afterEach.isEmpty() && staticTempDirs.isEmpty() && instanceTempDirs.isEmpty()) {
            return NONE;
        }
        Map<Method, JupiterTimeout.Limit> timeouts = new HashMap<>();
        Map<String, List<Method>> byKind = Map.of("BeforeAll", beforeAll, "AfterAll", afterAll, "BeforeEach",
                beforeEach, "AfterEach", afterEach);
        byKind.forEach((kind, methods) -> {
            for (Method m : methods) {
                JupiterTimeout.Limit limit = defaults.timeouts().lifecycle(kind,
                        JupiterTimeout.ofLifecycle(m, testClass).orElse(null));
                if (limit != null) {
                    timeouts.put(m, limit);
                }
            }
        });
        return new JupiterLifecycle(perClass, closesStatics, beforeAll, afterAll, beforeEach, afterEach,
                staticTempDirs, instanceTempDirs, Map.copyOf(timeouts));
    }

    /**
     * Whether the class (or a superclass: the annotation is inherited) says {@code @TestInstance(PER_CLASS)}, or says
     * nothing where the configuration makes per-class the default ({@code perClassDefault}).
     */
    private static boolean perClass(Class<?> testClass, boolean perClassDefault) {
        return JupiterAnnotations.value(testClass, testClass.getClassLoader(), "TestInstance")
                .map("PER_CLASS"::equals).orElse(perClassDefault);
    }

    private static List<Method> find(Class<?> testClass, String simpleName, HierarchyTraversalMode order,
            boolean staticOnly) {
        boolean extended = JupiterExtensions.declaredOn(testClass);
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
            for (Parameter p : m.getParameters()) {
                if (JupiterInjection.of(p, where + ", parameter " + p.getName()).isEmpty() && !extended) {
                    throw new InvalidObjectiveException(where + " takes a " + p.getType().getSimpleName() + "; the"
                            + " hpo engine gives lifecycle methods a TestInfo, a TestReporter or a @TempDir Path or"
                            + " File, and what an extension the class registers (@ExtendWith) resolves, so drop the"
                            + " parameter or register the extension that resolves it on the class");
                }
            }
            m.setAccessible(true);
        }
        return List.copyOf(methods);
    }

    /**
     * Whether the class has work before its first objective and after its last: {@code @BeforeAll}/{@code @AfterAll}
     * methods, a per-class instance, static {@code @TempDir} fields, or static {@code @AutoClose} fields.
     */
    boolean hasClassScope() {
        return perClass || closesStatics || !beforeAll.isEmpty() || !afterAll.isEmpty() || !staticTempDirs.isEmpty();
    }

    /** Whether a {@code @BeforeEach} or {@code @AfterEach} method takes a {@code TestReporter} (it publishes files). */
    boolean reportsPerTrial() {
        return reportsPerTrial;
    }

    /** Whether a trial needs a {@link JupiterScope}: a lifecycle method or a fresh instance takes injected values. */
    boolean injectsPerTrial() {
        return injectsPerTrial;
    }

    /** Whether the class's objectives share one instance ({@code @TestInstance(PER_CLASS)}). */
    boolean perClass() {
        return perClass;
    }

    /**
     * Assigns the static {@code @TempDir} fields (and a per-class instance's), then runs the {@code @BeforeAll}
     * methods, stopping at the first that throws; {@code instance} is the shared one of a per-class lifecycle, or null
     * (reflection ignores it for static methods).
     */
    void beforeAll(Object instance, JupiterScope scope) throws Exception {
        scope.inject(staticTempDirs, null);
        if (instance != null) {
            scope.inject(instanceTempDirs, instance);
        }
        for (Method m : beforeAll) {
            call(m, instance, scope, "interceptBeforeAllMethod");
        }
    }

    /**
     * Assigns the {@code @TempDir} fields of an instance that a per-class {@code @Nested} class's instance is made in,
     * in that class's scope.
     */
    void injectInstance(Object instance, JupiterScope scope) throws Exception {
        scope.inject(instanceTempDirs, instance);
    }

    /** Runs every {@code @AfterAll} method; the first exception is thrown, later ones suppressed in it. */
    void afterAll(Object instance, JupiterScope scope) throws Exception {
        rethrow(runAll(afterAll, instance, scope, null, "interceptAfterAllMethod"));
    }

    /**
     * Calls {@code objective} on {@code instance} between its {@code @BeforeEach} and {@code @AfterEach} methods:
     * the objective is skipped when a {@code @BeforeEach} method throws, the {@code @AfterEach} methods run anyway,
     * and the first exception wins, later ones suppressed in it. An instance made for this call ({@code fresh}) first
     * gets its {@code @TempDir} fields; {@code scope} is the trial's, null when {@link #injectsPerTrial} is false.
     */
    Object aroundEach(Object instance, boolean fresh, JupiterScope scope, ObjectiveCall objective) throws Exception {
        if (instance == null || (beforeEach.isEmpty() && afterEach.isEmpty() && instanceTempDirs.isEmpty())) {
            return objective.call();
        }
        Object result = null;
        Throwable first = null;
        try {
            if (fresh && !instanceTempDirs.isEmpty()) {
                scope.inject(instanceTempDirs, instance);
            }
            for (Method m : beforeEach) {
                call(m, instance, scope, "interceptBeforeEachMethod");
            }
            result = objective.call();
        } catch (Exception | Error e) {
            first = e;
        }
        first = runAll(afterEach, instance, scope, first, "interceptAfterEachMethod");
        rethrow(first);
        return result;
    }

    /** The objective's own call, with its exceptions as thrown. */
    interface ObjectiveCall {
        Object call() throws Exception;
    }

    private Throwable runAll(List<Method> methods, Object instance, JupiterScope scope, Throwable first,
            String interceptedAs) {
        for (Method m : methods) {
            try {
                call(m, instance, scope, interceptedAs);
            } catch (Exception | Error e) {
                first = combine(first, e);
            }
        }
        return first;
    }

    /**
     * Calls a lifecycle method with what it injects, within its own {@code @Timeout} if it has one, through the
     * extensions' {@code InvocationInterceptor}s ({@code interceptedAs} names their method for this kind); what it
     * throws goes to their {@code LifecycleMethodExecutionExceptionHandler}s, which may swallow it.
     */
    private void call(Method m, Object instance, JupiterScope scope, String interceptedAs) throws Exception {
        Object[] arguments = m.getParameterCount() == 0 ? new Object[0] : scope.arguments(m);
        JupiterTimeout.Limit limit = timeouts.get(m);
        JupiterExtensionContext extensions = scope == null ? null : scope.extensions();
        JupiterCallbacks.Invocation invocation = limit == null
                ? () -> ObjectiveInvoker.unwrap(() -> m.invoke(instance, arguments))
                : () -> JupiterTimeout.limited(limit.limit(), m.getDeclaringClass().getName() + "." + m.getName(),
                        limit.source(), extensions, limit.threadDump(),
                        () -> ObjectiveInvoker.unwrap(() -> m.invoke(instance, arguments)));
        if (extensions == null) {
            invocation.proceed();
            return;
        }
        try {
            JupiterCallbacks.intercept(extensions, interceptedAs, m, instance, arguments, invocation);
        } catch (Exception | Error e) {
            // interceptBeforeEachMethod -> handleBeforeEachMethodExecutionException, and so on
            String handler = interceptedAs.replace("intercept", "handle").replace("Method", "MethodExecutionException");
            rethrow(JupiterCallbacks.handled(extensions, "LifecycleMethodExecutionExceptionHandler", handler, e));
        }
    }

    /** What a scope throws after {@code next} also failed: the first failure, later ones suppressed in it. */
    static Throwable combine(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (first != next) {
            first.addSuppressed(next);
        }
        return first;
    }

    static void rethrow(Throwable t) throws Exception {
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }
}
