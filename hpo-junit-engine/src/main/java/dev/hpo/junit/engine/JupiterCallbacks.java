package dev.hpo.junit.engine;

import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Calls the extension points of a context's extensions ({@link JupiterExtensionContext}) as Jupiter calls them: the
 * "before" kinds in registration order (the class's extensions before the method's), stopping at the first that
 * throws; the "after" kinds in reverse order, every one of them, the first exception winning and later ones suppressed
 * in it; conditions until one disables; parameters through the one resolver that supports them; interceptors around a
 * call, the first registered outermost; exception handlers and watchers, the last registered first.
 */
final class JupiterCallbacks {

    private JupiterCallbacks() {
    }

    /** Calls {@code method(ExtensionContext)} of every extension implementing {@code type}, in order. */
    static void before(JupiterExtensionContext context, String type, String method) throws Exception {
        for (Object extension : context.all(type)) {
            call(extension, type, method, context.proxy());
        }
    }

    /** Calls {@code method(ExtensionContext)} of every extension implementing {@code type}, in reverse order. */
    static Throwable after(JupiterExtensionContext context, String type, String method, Throwable failure) {
        List<Object> extensions = context.all(type);
        Collections.reverse(extensions);
        for (Object extension : extensions) {
            try {
                call(extension, type, method, context.proxy());
            } catch (Exception | Error e) {
                failure = JupiterLifecycle.combine(failure, e);
            }
        }
        return failure;
    }

    /** Hands a new test instance to every {@code TestInstancePostProcessor}. */
    static void postProcess(JupiterExtensionContext context, Object instance) throws Exception {
        for (Object extension : context.all("TestInstancePostProcessor")) {
            call(extension, "TestInstancePostProcessor", "postProcessTestInstance", instance, context.proxy());
        }
    }

    /**
     * The reason the first of the {@code conditions} that disables the {@code element} (a class or an objective's
     * method) gives, if one does, as Jupiter asks them: in the order registered ({@link JupiterExtensionContext#all},
     * or {@link JupiterExtensions#builtInConditions} where no other extension is registered), Jupiter's built-in ones
     * evaluated by {@code rules}, the others with the element's {@code ExtensionContext} ({@code context}, made only
     * when needed); conditions that {@code junit.jupiter.conditions.deactivate} names are not asked.
     */
    static Optional<String> disabled(List<Object> conditions, AnnotatedElement element, Class<?> testClass,
            Supplier<Object> context, JupiterConditions rules) throws Exception {
        for (Object condition : conditions) {
            if (condition instanceof JupiterConditions.BuiltIn builtIn) {
                Optional<String> why = rules.reason(builtIn, element, testClass, context);
                if (why.isPresent()) {
                    return why;
                }
                continue;
            }
            if (!rules.active(condition.getClass().getName())) {
                continue;
            }
            Object result = call(condition, "ExecutionCondition", "evaluateExecutionCondition", context.get());
            if ((boolean) result.getClass().getMethod("isDisabled").invoke(result)) {
                Optional<?> reason = (Optional<?>) result.getClass().getMethod("getReason").invoke(result);
                return Optional.of(reason.map(String::valueOf).orElse("disabled by " + condition.getClass().getName()));
            }
        }
        return Optional.empty();
    }

    /** What an intercepted invocation runs when the last interceptor proceeds. */
    interface Invocation {
        Object proceed() throws Exception;
    }

    /**
     * Runs {@code invocation} through the context's {@code InvocationInterceptor}s, the first registered outermost, as
     * Jupiter chains them: {@code point} names the interceptor method ({@code interceptTestTemplateMethod} for a
     * trial, {@code interceptBeforeEachMethod}, {@code interceptTestClassConstructor}, …). Returns what the invocation
     * returned (an interceptor of a constructor may return another instance), or {@link #SKIPPED} when an interceptor
     * skipped it. Each interceptor must proceed or skip exactly once.
     */
    static Object intercept(JupiterExtensionContext context, String point, Executable executable, Object target,
            Object[] arguments, Invocation invocation) throws Exception {
        List<Object> interceptors = context.all("InvocationInterceptor");
        if (interceptors.isEmpty()) {
            return invocation.proceed();
        }
        Object reflective = context.proxies().reflectiveInvocationContext(context.testClass(), executable, target,
                arguments);
        return chain(context, interceptors, 0, point, reflective, invocation);
    }

    /** What {@link #intercept} returns when an interceptor skipped the invocation. */
    static final Object SKIPPED = new Object();

    private static Object chain(JupiterExtensionContext context, List<Object> interceptors, int index, String point,
            Object reflective, Invocation invocation) throws Exception {
        if (index == interceptors.size()) {
            return invocation.proceed();
        }
        Object interceptor = interceptors.get(index);
        Object[] outcome = new Object[1];
        int[] calls = new int[1];
        Object next = context.proxies().invocation(() -> {
            calls[0]++;
            if (calls[0] > 1) {
                throw new IllegalStateException("InvocationInterceptor " + interceptor.getClass().getName()
                        + " proceeded or skipped twice in " + point);
            }
            outcome[0] = chain(context, interceptors, index + 1, point, reflective, invocation);
            return outcome[0];
        }, () -> {
            calls[0]++;
            outcome[0] = SKIPPED;
        });
        Object returned = call(interceptor, "InvocationInterceptor", point, next, reflective, context.proxy());
        if (calls[0] == 0) {
            throw new IllegalStateException("InvocationInterceptor " + interceptor.getClass().getName()
                    + " neither proceeded nor skipped in " + point + "; call invocation.proceed() or skip()");
        }
        return point.equals("interceptTestClassConstructor") && outcome[0] != SKIPPED ? returned : outcome[0];
    }

    /**
     * Hands what a call threw to the context's exception handlers of {@code type}, the last registered first, as
     * Jupiter does: each gets what the one before rethrew, and one that returns normally swallows it. Returns what is
     * left to throw, or null when a handler swallowed it.
     */
    static Throwable handled(JupiterExtensionContext context, String type, String method, Throwable thrown) {
        List<Object> handlers = context.all(type);
        Collections.reverse(handlers);
        for (Object handler : handlers) {
            try {
                call(handler, type, method, context.proxy(), thrown);
                return null;
            } catch (Exception | Error rethrown) {
                thrown = rethrown;
            }
        }
        return thrown;
    }

    /**
     * A new instance of the class through the context's extensions: the {@code TestInstancePreConstructCallback}s
     * first, then the one {@code TestInstanceFactory} if there is one, else {@code construct}; {@code outer} is the
     * instance a {@code @Nested} class's is made in (null: none).
     */
    static Object newInstance(JupiterExtensionContext context, Class<?> testClass, Object outer, Invocation construct)
            throws Exception {
        Object factoryContext = context.proxies().testInstanceFactoryContext(testClass, outer);
        for (Object callback : context.all("TestInstancePreConstructCallback")) {
            call(callback, "TestInstancePreConstructCallback", "preConstructTestInstance", factoryContext,
                    context.proxy());
        }
        List<Object> factories = context.all("TestInstanceFactory");
        if (factories.size() > 1) {
            throw context.proxies().exception("extension.ExtensionConfigurationException", "The following"
                    + " TestInstanceFactory extensions were registered for test class [" + testClass.getName()
                    + "], but only one is permitted: " + factories.stream().map(f -> f.getClass().getName()).toList());
        }
        if (factories.isEmpty()) {
            return construct.proceed();
        }
        Object instance = call(factories.get(0), "TestInstanceFactory", "createTestInstance", factoryContext,
                context.proxy());
        if (!testClass.isInstance(instance)) {
            throw context.proxies().exception("extension.TestInstantiationException", "TestInstanceFactory ["
                    + factories.get(0).getClass().getName() + "] created an instance of " + (instance == null ? "null"
                    : instance.getClass().getName()) + " instead of " + testClass.getName());
        }
        return instance;
    }

    /**
     * Tells every {@code TestWatcher} of the context how its test ended, in reverse order of registration, as Jupiter
     * does after a test: successful, aborted (a pruned trial) or failed, with the cause. A watcher that throws is
     * reported on standard error and does not change the result, as in Jupiter.
     */
    static void watch(JupiterExtensionContext context, TestExecutionResult result) {
        Throwable cause = result.getThrowable().orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL -> watch(context, "testSuccessful");
            case ABORTED -> watch(context, "testAborted", cause);
            case FAILED -> watch(context, "testFailed", cause);
        }
    }

    /** Tells every {@code TestWatcher} of a disabled objective's context why it did not run. */
    static void watchDisabled(JupiterExtensionContext context, String reason) {
        watch(context, "testDisabled", Optional.ofNullable(reason));
    }

    private static void watch(JupiterExtensionContext context, String method, Object... more) {
        List<Object> watchers = context.all("TestWatcher");
        Collections.reverse(watchers);
        Object[] args = new Object[more.length + 1];
        args[0] = context.proxy();
        System.arraycopy(more, 0, args, 1, more.length);
        for (Object watcher : watchers) {
            try {
                call(watcher, "TestWatcher", method, args);
            } catch (Exception | Error e) {
                System.err.println("[hpo] TestWatcher " + watcher.getClass().getName() + "." + method + " threw " + e);
            }
        }
    }

    /**
     * Tells every {@code PreInterruptCallback} of the context that a time limit is about to interrupt {@code thread};
     * one that throws is reported on standard error, and the thread is interrupted all the same, as in Jupiter.
     */
    static void beforeInterrupt(JupiterExtensionContext context, Thread thread) {
        for (Object callback : context.all("PreInterruptCallback")) {
            try {
                call(callback, "PreInterruptCallback", "beforeThreadInterrupt",
                        context.proxies().preInterruptContext(thread), context.proxy());
            } catch (Exception | Error e) {
                System.err.println("[hpo] PreInterruptCallback " + callback.getClass().getName() + " threw " + e);
            }
        }
    }

    /**
     * The argument for parameter {@code index} of {@code executable}, from the one {@code ParameterResolver} of the
     * context that supports it; {@code target} is the instance it is called on, or null.
     */
    static Object resolve(JupiterExtensionContext context, Executable executable, int index, Object target)
            throws Exception {
        Parameter parameter = executable.getParameters()[index];
        Object parameterContext = context.proxies().parameterContext(executable, index, target);
        List<Object> resolvers = new ArrayList<>();
        for (Object extension : context.all("ParameterResolver")) {
            if ((boolean) call(extension, "ParameterResolver", "supportsParameter", parameterContext,
                    context.proxy())) {
                resolvers.add(extension);
            }
        }
        String where = "parameter [" + parameter + "] in " + (executable instanceof Method ? "method" : "constructor")
                + " [" + executable.toGenericString() + "]";
        if (resolvers.isEmpty()) {
            throw context.proxies().exception("extension.ParameterResolutionException", "No ParameterResolver"
                    + " registered for " + where + "; the hpo engine resolves it through the extensions registered"
                    + " with @ExtendWith or @RegisterExtension, or give it a range annotation to tune it");
        }
        if (resolvers.size() > 1) {
            throw context.proxies().exception("extension.ParameterResolutionException", "Discovered multiple competing"
                    + " ParameterResolvers for " + where + ": " + resolvers.stream()
                    .map(r -> r.getClass().getName()).toList());
        }
        Object value = call(resolvers.get(0), "ParameterResolver", "resolveParameter", parameterContext,
                context.proxy());
        Class<?> type = parameter.getType();
        if (value == null ? type.isPrimitive() : !wrap(type).isInstance(value)) {
            throw context.proxies().exception("extension.ParameterResolutionException", resolvers.get(0).getClass()
                    .getName() + " resolved a value of type [" + (value == null ? "null" : value.getClass().getName())
                    + "] for " + where + ", which needs a " + type.getName());
        }
        return value;
    }

    /** The class of the values a parameter or store entry of this type holds: {@code Integer} for {@code int}. */
    static Class<?> wrap(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }

    /** Calls the extension point {@code method} of the Jupiter interface {@code type} that the extension implements. */
    private static Object call(Object extension, String type, String method, Object... args) throws Exception {
        Class<?> point = Class.forName("org.junit.jupiter.api.extension." + type, false,
                extension.getClass().getClassLoader());
        for (Method m : point.getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                return ObjectiveInvoker.unwrap(() -> m.invoke(extension, args));
            }
        }
        throw new IllegalStateException(type + " has no method " + method);
    }
}
