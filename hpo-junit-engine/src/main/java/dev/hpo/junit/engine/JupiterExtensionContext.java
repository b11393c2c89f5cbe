package dev.hpo.junit.engine;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * One node of the tree of contexts that Jupiter's extensions see, and the {@code ExtensionContext} made of it: the
 * engine's execution (the root), an objective class, an objective, and each trial of it, as Jupiter has its engine,
 * a class, a test template and each invocation. Each holds the extensions registered at its level
 * ({@link JupiterExtensions}) and a {@link JupiterStore}; a trial's holds the instance its objective runs on.
 *
 * <p>The {@code ExtensionContext}, its {@code Store} ({@link JupiterStore}) and the other types extensions are handed
 * ({@link JupiterProxies}) are proxies of the project's own Jupiter interfaces, loaded through the objective class's
 * loader: the engine does not depend on Jupiter. What Jupiter's interface declares as a default method runs as
 * declared ({@code getRequiredTestClass()}, {@code publishReportEntry(key, value)}, {@code Store.getOrDefault}, …).
 */
final class JupiterExtensionContext {

    private final JupiterExtensionContext parent;
    private final JupiterExtensions extensions;
    private final Supplier<TestDescriptor> test;
    private final AnnotatedElement element;
    private final Class<?> testClass;
    private final Method testMethod;
    private final boolean perClass;
    private final HpoExecutionContext execution;
    private final JupiterStore store;
    private volatile List<Object> instances = List.of();
    private volatile Throwable executionException;
    private volatile Object proxy;
    private volatile JupiterProxies proxies;
    /** Where a trial's context publishes files; null for the other contexts. */
    private JupiterScope publisher;

    private JupiterExtensionContext(JupiterExtensionContext parent, JupiterExtensions extensions,
            Supplier<TestDescriptor> test, AnnotatedElement element, Class<?> testClass, Method testMethod,
            boolean perClass, HpoExecutionContext execution) {
        this.parent = parent;
        this.extensions = extensions;
        this.test = test;
        this.element = element;
        this.testClass = testClass;
        this.testMethod = testMethod;
        this.perClass = perClass;
        this.execution = execution;
        this.store = new JupiterStore(parent == null ? null : parent.store);
    }

    /** The engine execution's context, the parent of every class's, with the auto-detected extensions. */
    static JupiterExtensionContext root(TestDescriptor engine, HpoExecutionContext execution) {
        return new JupiterExtensionContext(null, JupiterExtensions.autodetected(execution::parameter,
                Thread.currentThread().getContextClassLoader()), () -> engine, null, null, null, false, execution);
    }

    /** A class's context, with the extensions registered on the class and in its static fields. */
    JupiterExtensionContext forClass(TestDescriptor descriptor, Class<?> type, JupiterExtensions registered,
            boolean perClassLifecycle) {
        return new JupiterExtensionContext(this, registered, () -> descriptor, type, type, null, perClassLifecycle,
                execution);
    }

    /** An objective's context, with the extensions registered on its method. */
    JupiterExtensionContext forObjective(TestDescriptor descriptor, Method method, JupiterExtensions registered) {
        return new JupiterExtensionContext(this, registered, () -> descriptor, method, testClass, method, perClass,
                execution);
    }

    /**
     * A trial's context, named as its test once that has started ({@code test}); its extensions come later. Files it
     * publishes become the trial's artifacts through its {@code scope}.
     */
    JupiterExtensionContext forTrial(Supplier<TestDescriptor> trialTest, JupiterScope scope) {
        JupiterExtensionContext trial = new JupiterExtensionContext(this, new JupiterExtensions(), trialTest,
                testMethod, testClass, testMethod, perClass, execution);
        trial.publisher = scope;
        return trial;
    }

    /** The class the context's objective belongs to; null for the run's context. */
    Class<?> testClass() {
        return testClass;
    }

    JupiterExtensionContext parent() {
        return parent;
    }

    JupiterExtensions extensions() {
        return extensions;
    }

    /**
     * The contexts of the classes this context's test runs in, the outermost first, this one's class's last (the
     * context itself, for a class's): a {@code @Nested} class's outer instance is made and post-processed with its own
     * class's context, which does not hold the extensions the nested class registers, as in Jupiter.
     */
    List<JupiterExtensionContext> classContexts() {
        List<JupiterExtensionContext> classes = new ArrayList<>();
        for (JupiterExtensionContext c = this; c != null; c = c.parent) {
            if (c.element instanceof Class<?>) {
                classes.add(0, c);
            }
        }
        return classes;
    }

    /** Whether this context or an ancestor registers an extension of this class. */
    boolean registers(Class<?> type) {
        return extensions.registers(type) || parent != null && parent.registers(type);
    }

    /** The extensions of this context and its ancestors that implement {@code type}, the outermost's first. */
    List<Object> all(String type) {
        List<Object> found = parent == null ? new ArrayList<>() : parent.all(type);
        found.addAll(extensions.implementing(type));
        return found;
    }

    /**
     * The instances the context's test runs on: the test class's last, after those of the classes a {@code @Nested}
     * class is enclosed in, the outermost first; a copy is kept.
     */
    void instances(List<Object> instances) {
        this.instances = List.copyOf(instances);
    }

    /** The test class's instance of this context or the nearest ancestor that has one; null if none has. */
    Object instance() {
        List<Object> all = instances();
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private List<Object> instances() {
        List<Object> own = instances;
        return !own.isEmpty() || parent == null ? own : parent.instances();
    }

    /**
     * The classes a {@code @Nested} test class runs inside of, the outermost first: those of the class contexts above
     * this one's class (the subclass, for a nested class it inherits).
     */
    private List<Class<?>> enclosingTestClasses() {
        List<Class<?>> enclosing = new ArrayList<>();
        for (JupiterExtensionContext c = parent; c != null; c = c.parent) {
            if (c.element instanceof Class<?> type && type != testClass) {
                enclosing.add(0, type);
            }
        }
        return enclosing;
    }

    /** Records what the context's test threw, which later callbacks read ({@code getExecutionException()}). */
    void failed(Throwable t) {
        if (executionException == null) {
            executionException = t;
        }
    }

    /** Closes the store's resources; returns {@code failure} with what that threw added. */
    Throwable close(Throwable failure) {
        String auto = execution.parameter(JupiterStore.CLOSE_AUTO_CLOSEABLE);
        return store.close(failure, auto == null || !auto.strip().equalsIgnoreCase("false"));
    }

    /** This context as the project's {@code ExtensionContext}. */
    Object proxy() {
        Object p = proxy;
        if (p == null) {
            p = proxies().of("extension.ExtensionContext", this::handle);
            proxy = p;
        }
        return p;
    }

    /** The objective class's Jupiter types; the run's context, which has no class, uses the thread's loader. */
    JupiterProxies proxies() {
        JupiterProxies p = proxies;
        if (p == null) {
            p = new JupiterProxies(testClass != null ? testClass.getClassLoader()
                    : Thread.currentThread().getContextClassLoader());
            proxies = p;
        }
        return p;
    }

    private Object handle(Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "getParent" -> Optional.ofNullable(parent == null ? null : parent.proxy());
            case "getRoot" -> rootContext().proxy();
            case "getUniqueId" -> test.get().getUniqueId().toString();
            case "getDisplayName" -> test.get().getDisplayName();
            case "getTags" -> test.get().getTags().stream().map(t -> t.getName())
                    .collect(Collectors.toUnmodifiableSet());
            case "getElement" -> Optional.ofNullable(element);
            case "getTestClass" -> Optional.ofNullable(testClass);
            case "getEnclosingTestClasses" -> enclosingTestClasses();
            case "getTestInstanceLifecycle" -> testClass == null ? Optional.empty()
                    : Optional.of(proxies().constant("TestInstance$Lifecycle", perClass ? "PER_CLASS" : "PER_METHOD"));
            case "getTestInstance" -> Optional.ofNullable(instance());
            case "getTestInstances" -> instances().isEmpty() ? Optional.empty()
                    : Optional.of(proxies().testInstances(instances()));
            case "getTestMethod" -> Optional.ofNullable(testMethod);
            case "getExecutionException" -> Optional.ofNullable(executionException);
            case "getConfigurationParameter" -> configurationParameter(args);
            case "publishReportEntry" -> {
                if (args.length == 1 && args[0] instanceof Map<?, ?> entries) {
                    @SuppressWarnings("unchecked")
                    Map<String, String> map = (Map<String, String>) entries;
                    execution.events().published(test.get(), ReportEntry.from(map));
                    yield null;
                }
                yield JupiterScope.DEFAULT;
            }
            case "publishFile" -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;  // the older MediaType's form comes back as the newer's
                }
                publisher("publishFile").publishFile((String) args[0], String.valueOf(args[1]),
                        method.getParameterTypes()[2], args[2]);
                yield null;
            }
            case "publishDirectory" -> {
                publisher("publishDirectory").publishDirectory((String) args[0], method.getParameterTypes()[1],
                        args[1]);
                yield null;
            }
            case "getStore" -> storeProxy(args[args.length - 1], args.length == 2 ? String.valueOf(args[0]) : null);
            case "getExecutionMode" -> proxies().constant("parallel.ExecutionMode", "SAME_THREAD");
            case "getExecutableInvoker" -> proxies().of("extension.ExecutableInvoker", this::invokeExecutable);
            case "toString" -> "ExtensionContext [" + test.get().getUniqueId() + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("ExtensionContext." + method.getName() + " is not supported"
                        + " by the hpo engine (" + test.get().getDisplayName() + ")");
            }
        };
    }

    /**
     * {@code ExecutableInvoker.invoke(method, target)} and {@code invoke(constructor, outerInstance)}: the parameters
     * resolved by this context's extensions, as Jupiter resolves them for a test method (an inner class's constructor
     * gets the outer instance first).
     */
    private Object invokeExecutable(Method method, Object[] args) throws Exception {
        if (method.getName().equals("toString")) {
            return "ExecutableInvoker [" + test.get().getDisplayName() + "]";
        }
        if (method.isDefault()) {
            return JupiterScope.DEFAULT;  // invoke(method) and invoke(constructor) pass null on
        }
        Executable executable = (Executable) args[0];
        Object target = args[1];
        Object[] arguments = new Object[executable.getParameterCount()];
        // an inner class's constructor takes its outer instance first, as Jupiter passes it
        int first = executable instanceof Constructor<?> && target != null ? 1 : 0;
        if (first == 1) {
            arguments[0] = target;
        }
        for (int i = first; i < arguments.length; i++) {
            arguments[i] = JupiterCallbacks.resolve(this, executable, i, executable instanceof Method ? target : null);
        }
        executable.setAccessible(true);
        return ObjectiveInvoker.unwrap(() -> executable instanceof Method m ? m.invoke(target, arguments)
                : ((Constructor<?>) executable).newInstance(arguments));
    }

    private JupiterScope publisher(String method) {
        if (publisher == null) {
            throw new UnsupportedOperationException("ExtensionContext." + method + " in the context of "
                    + test.get().getDisplayName() + ": a published file is an artifact of a trial, so publish it"
                    + " from a trial's context (BeforeEach, BeforeTestExecution, AfterTestExecution, AfterEach)");
        }
        return publisher;
    }

    private Optional<Object> configurationParameter(Object[] args) {
        Optional<String> value = Optional.ofNullable(execution.parameter((String) args[0]));
        if (args.length == 1) {
            return value.map(v -> v);
        }
        @SuppressWarnings("unchecked")
        Function<String, Object> transformer = (Function<String, Object>) args[1];
        return value.map(transformer);
    }

    /**
     * A {@code Store} of this context for the namespace; {@code scope} is Jupiter 5.13's {@code StoreScope} or null.
     * The launcher session's and the execution request's stores are the root context's: one engine execution is the
     * widest scope the hpo engine sees.
     */
    private Object storeProxy(Object namespace, String scope) {
        JupiterExtensionContext owner = scope == null || scope.equals("EXTENSION_CONTEXT") ? this : rootContext();
        return owner.store.proxy(namespace, proxies());
    }

    private JupiterExtensionContext rootContext() {
        return parent == null ? this : parent.rootContext();
    }
}
