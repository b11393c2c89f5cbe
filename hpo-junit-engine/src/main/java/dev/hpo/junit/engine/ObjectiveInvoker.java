package dev.hpo.junit.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls an objective method: on a fresh instance of its class for an instance method (so that trials share no
 * state, as Jupiter tests share none), or on the class's one instance under {@code @TestInstance(PER_CLASS)},
 * between the class's {@code @BeforeEach} and {@code @AfterEach} methods; or statically. Exceptions of the method
 * reach the caller as thrown, not wrapped, so that a failed trial reports the user's own exception; an objective call
 * that outlasts its time limit ({@code @Timeout} or {@code hpo.trialTimeout}) fails with a
 * {@link java.util.concurrent.TimeoutException} instead ({@link JupiterTimeout}). The Jupiter extensions registered
 * for the objective run around each call as Jupiter runs them around a test ({@link JupiterExtensions}).
 */
final class ObjectiveInvoker {

    private final ObjectiveDefinition definition;
    private final Method method;
    /** The instances' classes, the objective's last; null for a static objective. */
    private final InstanceChain chain;
    private final List<Object> shared;
    private final JupiterTimeout.Limit timeout;

    /**
     * An invoker that calls instance objectives on instances made per call, but for the outermost ones in
     * {@code shared}, which classes with a per-class lifecycle made for all their trials ({@link InstanceChain}), and
     * limits each call to {@code timeout} (null: no limit).
     */
    ObjectiveInvoker(ObjectiveDefinition definition, List<Object> shared, JupiterTimeout.Limit timeout) {
        this.definition = definition;
        this.shared = shared;
        this.timeout = timeout;
        this.method = definition.method();
        this.method.setAccessible(true);
        this.chain = Modifier.isStatic(method.getModifiers()) ? null : definition.instanceChain();
    }

    /**
     * The constructor that makes instances of the class: its only one, as in Jupiter, which refuses a test class that
     * declares several (which one ran would be the engine's choice, not the author's), when its parameters (but the
     * enclosing instance, for an inner class) are what Jupiter resolves: each one a {@link JupiterInjection}
     * ({@code TestInfo}, {@code TestReporter}, {@code @TempDir}), or, in a class whose extensions may resolve
     * parameters ({@code extended}), any.
     *
     * @param where the objective, as messages name it; null when they name the class alone
     * @throws InvalidObjectiveException when the class declares several constructors, or its only one takes what
     *         nothing resolves
     */
    static Constructor<?> constructor(Class<?> testClass, boolean extended, String where) {
        List<Constructor<?>> declared = Arrays.stream(testClass.getDeclaredConstructors())
                .filter(c -> !c.isSynthetic()).toList();
        int implicit = isInner(testClass) ? 1 : 0;
        if (declared.size() > 1) {
            List<String> signatures = declared.stream().map(c -> signature(c, implicit)).sorted().toList();
            throw unusable(where, name(testClass) + " declares " + declared.size() + " constructors, "
                    + String.join(", ", signatures.subList(0, signatures.size() - 1)) + " and "
                    + signatures.get(signatures.size() - 1) + ", and a test class must declare a single constructor,"
                    + " as in Jupiter");
        }
        Constructor<?> only = declared.get(0);
        Class<?> unresolved = extended ? null : unresolved(only, implicit);
        if (unresolved != null) {
            throw unusable(where, name(testClass) + " has no constructor without arguments and its only constructor"
                    + " takes " + ObjectiveParser.typeWithArticle(unresolved) + ", which only an extension could"
                    + " resolve");
        }
        only.setAccessible(true);
        return only;
    }

    /** A class the engine cannot make instances of: the problem, then the constructor it can use. */
    private static InvalidObjectiveException unusable(String where, String problem) {
        return new InvalidObjectiveException((where == null ? problem : where + " is an instance method but "
                + problem) + "; give it a single constructor, without parameters or with parameters that are a"
                + " TestInfo, a TestReporter or a @TempDir Path or File (or what an extension registered with"
                + " @ExtendWith resolves)" + (where == null ? "" : ", or make the method static"));
    }

    /** How the constructor reads in source: {@code Tuning(int, TestInfo)}, without an inner class's outer instance. */
    private static String signature(Constructor<?> constructor, int implicit) {
        Class<?>[] types = constructor.getParameterTypes();
        return constructor.getDeclaringClass().getSimpleName() + Arrays.stream(types, implicit, types.length)
                .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The type of the constructor's first parameter after the {@code implicit} ones that is no
     * {@link JupiterInjection}, or null when there is none.
     */
    private static Class<?> unresolved(Constructor<?> constructor, int implicit) {
        Parameter[] parameters = constructor.getParameters();
        for (int i = implicit; i < parameters.length; i++) {
            String what = "parameter " + i + " of the constructor of " + name(constructor.getDeclaringClass());
            if (JupiterInjection.of(parameters[i], what).isEmpty()) {
                return parameters[i].getType();
            }
        }
        return null;
    }

    /** The class's name without its package: {@code Outer.Inner} for a nested class. */
    private static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    /** Whether instances of the class live inside one of its enclosing class, which their constructor takes first. */
    static boolean isInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
    }

    /**
     * A new instance, inside {@code enclosing} for an inner class, the constructor's other parameters (if it has any)
     * resolved in {@code scope} as a method's are (null when the objective injects nothing), made through the
     * extensions of {@code context} (the scope's, or an enclosing class's for its instance; null: none), which may
     * also intercept the call.
     */
    static Object instantiate(Constructor<?> constructor, JupiterScope scope, JupiterExtensionContext context,
            Object enclosing) throws Exception {
        int first = isInner(constructor.getDeclaringClass()) ? 1 : 0;
        if (context == null) {
            Object[] arguments = constructor.getParameterCount() == first ? new Object[first]
                    : scope.arguments(constructor, null);
            if (first == 1) {
                arguments[0] = enclosing;
            }
            return unwrap(() -> constructor.newInstance(arguments));
        }
        return JupiterCallbacks.newInstance(context, constructor.getDeclaringClass(), enclosing, () -> {
            Object[] arguments = scope.arguments(constructor, context);
            if (first == 1) {
                arguments[0] = enclosing;
            }
            Object instance = JupiterCallbacks.intercept(context, "interceptTestClassConstructor", constructor, null,
                    arguments, () -> unwrap(() -> constructor.newInstance(arguments)));
            if (instance == JupiterCallbacks.SKIPPED || instance == null) {
                throw new IllegalStateException("an InvocationInterceptor skipped the constructor of "
                        + constructor.getDeclaringClass().getName() + ", so there is no instance to run the objective"
                        + " on");
            }
            return instance;
        });
    }

    /**
     * Calls the method with the arguments and returns its scores (one, unless it returns a {@code double[]});
     * {@code scope} (null when the objective injects nothing of Jupiter's) is closed after the call, which deletes the
     * trial's temporary directories.
     */
    double[] invoke(Object[] arguments, JupiterScope scope) throws Exception {
        JupiterExtensionContext extensions = scope == null ? null : scope.extensions();
        Object result = null;
        Throwable failure = null;
        List<Object> instances = List.of();
        try {
            instances = chain == null ? List.of() : chain.complete(shared, scope);
            Object target = chain == null ? null : instances.get(instances.size() - 1);
            if (extensions != null) {
                result = withExtensions(extensions, instances, target, arguments, scope);
            } else if (chain == null) {
                result = call(null, arguments, null);
            } else {
                result = chain.aroundEach(instances, shared.size(), scope, () -> call(target, arguments, null));
            }
        } catch (Exception | Error e) {
            failure = e;
        }
        failure = JupiterAutoClose.closeInstances(instances, shared.size(), failure);  // the trial's own instances
        if (scope != null) {
            failure = scope.close(failure);
        }
        if (extensions != null) {
            failure = extensions.close(failure);
        }
        JupiterLifecycle.rethrow(failure);
        if (result == null) {
            throw new IllegalStateException(definition.qualifiedMethodName()
                    + " returned null; an objective returns its score as a number");
        }
        return result instanceof double[] values ? values.clone() : new double[] {((Number) result).doubleValue()};
    }

    /**
     * The objective's own call, within its time limit if it has one, whose expiry {@code extensions} (null: none) hear
     * of before the thread is interrupted.
     */
    private Object call(Object target, Object[] arguments, JupiterExtensionContext extensions) throws Exception {
        return timeout == null ? unwrap(() -> method.invoke(target, arguments))
                : JupiterTimeout.limited(timeout.limit(), definition.qualifiedMethodName(), timeout.source(),
                        extensions, timeout.threadDump(), () -> unwrap(() -> method.invoke(target, arguments)));
    }

    /**
     * The trial with the extensions registered for it, in Jupiter's order (its fresh instances were post-processed as
     * they were made, {@link InstanceChain#complete}): the {@code BeforeEach} callbacks, the {@code @BeforeEach}
     * methods, the {@code BeforeTestExecution} callbacks, the objective with the parameters the extensions resolve,
     * then the "after" kinds in reverse, each running even when what it follows failed (a failed {@code BeforeEach}
     * callback skips the methods, as in Jupiter), and the pre-destroy callbacks when an instance was made for the
     * trial.
     */
    private Object withExtensions(JupiterExtensionContext extensions, List<Object> instances, Object target,
            Object[] arguments, JupiterScope scope) throws Exception {
        extensions.instances(instances);
        boolean fresh = chain != null && shared.size() < instances.size();
        Object result = null;
        Throwable failure = null;
        try {
            JupiterCallbacks.before(extensions, "BeforeEachCallback", "beforeEach");
            JupiterLifecycle.ObjectiveCall objective = () -> {
                Object value = null;
                Throwable thrown = null;
                try {
                    JupiterCallbacks.before(extensions, "BeforeTestExecutionCallback", "beforeTestExecution");
                    for (int i = 0; i < arguments.length; i++) {
                        if (arguments[i] == ExtensionParameter.UNRESOLVED) {
                            arguments[i] = JupiterCallbacks.resolve(extensions, method, i, target);
                        }
                    }
                    value = handled(extensions, () -> JupiterCallbacks.intercept(extensions,
                            "interceptTestTemplateMethod", method, target, arguments,
                            () -> call(target, arguments, extensions)));
                    if (value == JupiterCallbacks.SKIPPED) {
                        throw new IllegalStateException("an InvocationInterceptor skipped "
                                + definition.qualifiedMethodName() + ", so the trial has no score");
                    }
                } catch (Exception | Error e) {
                    thrown = e;
                    extensions.failed(e);
                }
                JupiterLifecycle.rethrow(JupiterCallbacks.after(extensions, "AfterTestExecutionCallback",
                        "afterTestExecution", thrown));
                return value;
            };
            result = chain == null ? objective.call() : chain.aroundEach(instances, shared.size(), scope, objective);
        } catch (Exception | Error e) {
            failure = e;
            extensions.failed(e);
        }
        failure = JupiterCallbacks.after(extensions, "AfterEachCallback", "afterEach", failure);
        if (fresh) {
            failure = JupiterCallbacks.after(extensions, "TestInstancePreDestroyCallback", "preDestroyTestInstance",
                    failure);
        }
        JupiterLifecycle.rethrow(failure);
        return result;
    }

    /**
     * The objective's call with its exception handed to the {@code TestExecutionExceptionHandler}s: what they rethrow
     * is the trial's failure, and one that swallows the exception still leaves the trial without a score.
     */
    private Object handled(JupiterExtensionContext extensions, JupiterCallbacks.Invocation call) throws Exception {
        try {
            return call.proceed();
        } catch (Exception | Error e) {
            Throwable left = JupiterCallbacks.handled(extensions, "TestExecutionExceptionHandler",
                    "handleTestExecutionException", e);
            if (left == null) {
                throw new IllegalStateException("a TestExecutionExceptionHandler swallowed what "
                        + definition.qualifiedMethodName() + " threw, but an objective must return its score", e);
            }
            JupiterLifecycle.rethrow(left);
            throw e;  // not reached: what is left is an Exception or an Error
        }
    }

    interface ReflectiveCall {
        Object call() throws ReflectiveOperationException;
    }

    /** Makes a reflective call, throwing what the called code threw rather than its wrapper. */
    static Object unwrap(ReflectiveCall call) throws Exception {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
