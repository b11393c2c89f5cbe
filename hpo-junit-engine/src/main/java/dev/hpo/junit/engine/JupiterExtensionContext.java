package dev.hpo.junit.engine;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>The {@code ExtensionContext}, its {@code Store}, {@code TestInstances} and {@code ParameterContext} are proxies
 * of the project's own Jupiter interfaces, loaded through the objective class's loader: the engine does not depend on
 * Jupiter. What Jupiter's interface declares as a default method runs as declared ({@code getRequiredTestClass()},
 * {@code publishReportEntry(key, value)}, {@code Store.getOrDefault}, …).
 */
final class JupiterExtensionContext {

    private static final String API = "org.junit.jupiter.api.";

    private final JupiterExtensionContext parent;
    private final JupiterExtensions extensions;
    private final Supplier<TestDescriptor> test;
    private final AnnotatedElement element;
    private final Class<?> testClass;
    private final Method testMethod;
    private final boolean perClass;
    private final HpoExecutionContext execution;
    private final JupiterStore store;
    private volatile Object instance;
    private volatile Throwable executionException;
    private volatile Object proxy;
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

    /** The engine execution's context, the parent of every class's. */
    static JupiterExtensionContext root(TestDescriptor engine, HpoExecutionContext execution) {
        return new JupiterExtensionContext(null, JupiterExtensions.NONE, () -> engine, null, null, null, false,
                execution);
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

    JupiterExtensionContext parent() {
        return parent;
    }

    JupiterExtensions extensions() {
        return extensions;
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

    void instance(Object instance) {
        this.instance = instance;
    }

    Object instance() {
        Object own = instance;
        return own != null || parent == null ? own : parent.instance();
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
            p = newProxy(type("extension.ExtensionContext"), this::handle);
            proxy = p;
        }
        return p;
    }

    private ClassLoader loader() {
        return testClass != null ? testClass.getClassLoader() : Thread.currentThread().getContextClassLoader();
    }

    private Class<?> type(String name) {
        try {
            return Class.forName(API + name, false, loader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Jupiter's " + API + name + " is not on the class path", e);
        }
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
            case "getEnclosingTestClasses" -> List.of();
            case "getTestInstanceLifecycle" -> testClass == null ? Optional.empty() : Optional.of(lifecycle());
            case "getTestInstance" -> Optional.ofNullable(instance());
            case "getTestInstances" -> Optional.ofNullable(instance()).map(this::testInstances);
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
            case "getExecutionMode" -> executionMode();
            case "getExecutableInvoker" -> newProxy(type("extension.ExecutableInvoker"), this::invokeExecutable);
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
     * resolved by this context's extensions, as Jupiter resolves them for a test method.
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
        if (executable instanceof Constructor<?> c && target != null) {
            throw new UnsupportedOperationException("ExecutableInvoker.invoke of an inner class's constructor ("
                    + c.getDeclaringClass().getName() + ") is not supported by the hpo engine");
        }
        Object[] arguments = new Object[executable.getParameterCount()];
        for (int i = 0; i < arguments.length; i++) {
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

    private Object lifecycle() {
        return enumConstant(type("TestInstance$Lifecycle"), perClass ? "PER_CLASS" : "PER_METHOD");
    }

    private Object executionMode() {
        return enumConstant(type("parallel.ExecutionMode"), "SAME_THREAD");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
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

    private Object testInstances(Object innermost) {
        return newProxy(type("extension.TestInstances"), (method, args) -> switch (method.getName()) {
            case "getInnermostInstance" -> innermost;
            case "getEnclosingInstances" -> List.of();
            case "getAllInstances" -> List.of(innermost);
            case "findInstance" -> Optional.of(innermost).filter(((Class<?>) args[0])::isInstance);
            case "toString" -> "TestInstances [" + innermost + "]";
            default -> throw new UnsupportedOperationException("TestInstances." + method.getName());
        });
    }

    /**
     * A {@code Store} of this context for the namespace; {@code scope} is Jupiter 5.13's {@code StoreScope} or null.
     * The launcher session's and the execution request's stores are the root context's: one engine execution is the
     * widest scope the hpo engine sees.
     */
    private Object storeProxy(Object namespace, String scope) {
        JupiterExtensionContext owner = scope == null || scope.equals("EXTENSION_CONTEXT") ? this : rootContext();
        JupiterStore data = owner.store;
        return newProxy(type("extension.ExtensionContext$Store"), (method, args) -> {
            String name = method.getName();
            if (name.equals("toString")) {
                return "Store [" + namespace + "]";
            }
            if (method.isDefault()) {
                return JupiterScope.DEFAULT;  // getOrDefault, getOrComputeIfAbsent(Class), computeIfAbsent(Class)
            }
            boolean computes = name.equals("getOrComputeIfAbsent") || name.equals("computeIfAbsent");
            // get(key, type), remove(key, type) and the computing methods' (key, creator, type) name a required type
            Class<?> required = args.length == (computes ? 3 : 2) && !name.equals("put")
                    ? (Class<?>) args[args.length - 1] : null;
            Object value = switch (name) {
                case "get" -> data.get(namespace, args[0]);
                case "getOrComputeIfAbsent", "computeIfAbsent" -> {
                    @SuppressWarnings("unchecked")
                    Function<Object, Object> creator = (Function<Object, Object>) args[1];
                    yield data.getOrCompute(namespace, args[0], creator);
                }
                case "put" -> {
                    data.put(namespace, args[0], args[1]);
                    yield null;
                }
                case "remove" -> data.remove(namespace, args[0]);
                default -> throw new UnsupportedOperationException("ExtensionContext.Store." + name);
            };
            return required == null ? value : cast(value, required, args[0]);
        });
    }

    private JupiterExtensionContext rootContext() {
        return parent == null ? this : parent.rootContext();
    }

    private Object cast(Object value, Class<?> required, Object key) throws Exception {
        if (value == null || JupiterCallbacks.wrap(required).isInstance(value)) {
            return value;
        }
        throw jupiterException("extension.ExtensionContextException", "Object stored under key [" + key
                + "] is not of required type [" + required.getName() + "], but was [" + value.getClass().getName()
                + "]: " + value);
    }

    /** A {@code ParameterContext} of the parameter at {@code index} of {@code executable}, called on {@code target}. */
    Object parameterContext(Executable executable, int index, Object target) {
        Parameter parameter = executable.getParameters()[index];
        return newProxy(type("extension.ParameterContext"), (method, args) -> switch (method.getName()) {
            case "getParameter" -> parameter;
            case "getIndex" -> index;
            case "getTarget" -> Optional.ofNullable(target);
            case "toString" -> "ParameterContext [" + parameter + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("ParameterContext." + method.getName());
            }
        });
    }

    /** A {@code TestInstanceFactoryContext} of a top-level or static nested class (it has no outer instance). */
    Object testInstanceFactoryContext(Class<?> type) {
        return newProxy(type("extension.TestInstanceFactoryContext"), (method, args) -> switch (method.getName()) {
            case "getTestClass" -> type;
            case "getOuterInstance" -> Optional.empty();
            case "toString" -> "TestInstanceFactoryContext [" + type.getName() + "]";
            default -> {
                if (method.isDefault()) {
                    yield JupiterScope.DEFAULT;
                }
                throw new UnsupportedOperationException("TestInstanceFactoryContext." + method.getName());
            }
        });
    }

    /** An {@code InvocationInterceptor.Invocation} whose {@code proceed()} and {@code skip()} run these. */
    Object invocation(JupiterCallbacks.Invocation proceed, Runnable skip) {
        Class<?> type = type("extension.InvocationInterceptor$Invocation");
        return newProxy(type, (method, args) -> switch (method.getName()) {
            case "proceed" -> proceed.proceed();
            case "skip" -> {
                skip.run();
                yield null;
            }
            case "toString" -> "Invocation [" + test.get().getDisplayName() + "]";
            default -> throw new UnsupportedOperationException("Invocation." + method.getName());
        });
    }

    /** A {@code ReflectiveInvocationContext} whose argument list writes through to {@code arguments}. */
    Object reflectiveInvocationContext(Executable executable, Object target, Object[] arguments) {
        List<Object> list = Arrays.asList(arguments);
        return newProxy(type("extension.ReflectiveInvocationContext"), (method, args) -> switch (method.getName()) {
            case "getTargetClass" -> testClass;
            case "getExecutable" -> executable;
            case "getArguments" -> list;
            case "getTarget" -> Optional.ofNullable(target);
            case "toString" -> "ReflectiveInvocationContext [" + executable + "]";
            default -> throw new UnsupportedOperationException("ReflectiveInvocationContext." + method.getName());
        });
    }

    /** One of Jupiter's exceptions with a message, made through the project's loader. */
    Exception jupiterException(String name, String message) {
        try {
            Constructor<?> c = type(name).getConstructor(String.class);
            return (Exception) c.newInstance(message);
        } catch (ReflectiveOperationException | IllegalStateException e) {
            return new IllegalStateException(message);
        }
    }

    private static Object newProxy(Class<?> type, JupiterScope.Handler handler) {
        return JupiterScope.proxy(type, handler);
    }
}
