package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * One scope of Jupiter's built-in injection ({@link JupiterInjection}): a class, for its {@code @BeforeAll} and
 * {@code @AfterAll} methods, static {@code @TempDir} fields and the constructor of a per-class instance, or one trial,
 * for the objective, its {@code @BeforeEach} and {@code @AfterEach} methods, and the constructors and {@code @TempDir}
 * fields of the instances made for it. It makes the values as
 * Jupiter does: a {@code TestInfo} naming the scope's test (a trial is named as its dynamic test), a
 * {@code TestReporter} whose entries are published on that test and whose files become the trial's artifacts
 * ({@code publishFile}, uploaded to the run's artifact store, so that the goal hands on the best trial's; a directory
 * published with {@code publishDirectory} becomes one zip file), and a new
 * directory per {@code @TempDir}
 * declaration, deleted when the scope closes according to its cleanup mode ({@code ON_SUCCESS}: unless the scope
 * failed; a pruned trial counts as failed, as an aborted test does).
 *
 * <p>A trial's name is known only after its parameters are suggested, which the arguments themselves do, so
 * {@link #started} names the test before any user code runs and the {@code TestInfo} reads it then.
 */
final class JupiterScope {

    private static final String TEMP_DIR_PREFIX = "junit";

    private final Class<?> testClass;
    private final Method testMethod;
    private final Set<String> tags;
    private final TrialEvents events;
    private final TempDirDefaults tempDirDefaults;
    private final List<TempDirectory> directories = new ArrayList<>();
    private volatile TestDescriptor test;
    private Trial trial;
    private ArtifactStore artifacts;
    private JupiterExtensionContext extensions;

    /**
     * A directory to delete when the scope closes, by {@code strategy} (null for the standard deletion) called with
     * {@code element} (the declaration's context); {@code factory} (null for the standard one) is closed then.
     */
    private record TempDirectory(Path path, String cleanup, boolean ignoreFailures, Closeable factory,
            Object strategy, Object element) {
    }

    /**
     * A scope of {@code testClass}, and of {@code testMethod} unless it is a class scope (null).
     *
     * @param tempDirDefaults what a {@code @TempDir} that names no cleanup mode, factory or deletion strategy gets
     */
    JupiterScope(Class<?> testClass, Method testMethod, Set<TestTag> tags, TrialEvents events,
            TempDirDefaults tempDirDefaults) {
        this.testClass = testClass;
        this.testMethod = testMethod;
        this.tags = new TreeSet<>(tags.stream().map(TestTag::getName).toList());
        this.events = events;
        this.tempDirDefaults = tempDirDefaults;
    }

    /**
     * A trial's scope, or null when the objective and its class inject nothing of Jupiter's and register no extension;
     * files the trial publishes go to {@code artifacts}.
     */
    static JupiterScope ofTrial(ObjectiveDefinition definition, ObjectiveDescriptor objective,
            HpoExecutionContext context, Trial trial, ArtifactStore artifacts) {
        if (!definition.injectsJupiter()) {
            return null;
        }
        JupiterScope scope = new JupiterScope(definition.testClass(), definition.method(), objective.getTags(),
                context.events(), context.tempDirDefaults(definition.testClass()));
        scope.trial = trial;
        scope.artifacts = artifacts;
        if (definition.extended()) {
            scope.extensions = objective.extensionContext(context).forTrial(() -> scope.test, scope);
        }
        return scope;
    }

    /** Names the scope's test, whose display name {@code TestInfo} gives and on which entries are published. */
    void started(TestDescriptor descriptor) {
        this.test = descriptor;
    }

    /**
     * The arguments of a lifecycle method: each one a {@link JupiterInjection}, or, in a class that registers
     * extensions, what their parameter resolvers give (checked at discovery).
     */
    Object[] arguments(Method method) throws Exception {
        return arguments(method, 0, extensions == null ? null : extensions.instance());
    }

    /**
     * The arguments of a test class's constructor, resolved as a lifecycle method's are, as Jupiter resolves them, but
     * by the parameter resolvers of {@code resolvers} (the scope's context, or an enclosing class's for its
     * constructor: Jupiter resolves it with that class's extensions only); the first is left null for an inner
     * class's, which takes its enclosing instance there.
     */
    Object[] arguments(Constructor<?> constructor, JupiterExtensionContext resolvers) throws Exception {
        return arguments(constructor, ObjectiveInvoker.isInner(constructor.getDeclaringClass()) ? 1 : 0, null,
                resolvers);
    }

    private Object[] arguments(Executable executable, int first, Object target) throws Exception {
        return arguments(executable, first, target, extensions);
    }

    private Object[] arguments(Executable executable, int first, Object target, JupiterExtensionContext resolvers)
            throws Exception {
        Parameter[] parameters = executable.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = first; i < parameters.length; i++) {
            Optional<JupiterInjection> kind = JupiterInjection.of(parameters[i], executable.getName() + "(" + i + ")");
            if (kind.isPresent()) {
                arguments[i] = value(kind.get(), parameters[i], parameters[i].getType());
            } else if (resolvers != null) {
                arguments[i] = JupiterCallbacks.resolve(resolvers, executable, i, target);
            } else {
                throw new IllegalStateException(executable + " takes a parameter no extension is registered to"
                        + " resolve");
            }
        }
        return arguments;
    }

    /** The extension context of the scope (the class's, or the trial's), whose extensions resolve parameters. */
    void extensions(JupiterExtensionContext context) {
        this.extensions = context;
    }

    /** The trial's extension context, or null when no extension is registered for the objective. */
    JupiterExtensionContext extensions() {
        return extensions;
    }

    /** The value of one injected parameter or field. */
    Object value(JupiterInjection kind, AnnotatedElement declaration, Class<?> type) {
        return switch (kind) {
            case TEST_INFO -> proxy(type, this::testInfo);
            case TEST_REPORTER -> proxy(type, this::testReporter);
            case TEMP_DIR -> {
                Path directory = createTempDir(JupiterInjection.tempDir(declaration, testClass).orElseThrow(),
                        declaration);
                yield type == File.class ? directory.toFile() : directory;
            }
        };
    }

    /** Assigns each {@code @TempDir} field a new directory, on {@code instance} (null for static fields). */
    void inject(List<Field> fields, Object instance) throws IllegalAccessException {
        for (Field f : fields) {
            f.set(instance, value(JupiterInjection.TEMP_DIR, f, f.getType()));
        }
    }

    /**
     * Deletes the scope's directories as their cleanup modes say, given how the scope ended ({@code failure}, or null
     * when it succeeded), and returns what the scope throws: {@code failure}, or the first deletion error when there
     * was none, others suppressed in it.
     */
    Throwable close(Throwable failure) {
        for (TempDirectory d : directories) {
            boolean delete = switch (d.cleanup()) {
                case "NEVER" -> false;
                case "ON_SUCCESS" -> failure == null;
                default -> true;
            };
            try {
                if (delete && Files.exists(d.path())) {
                    if (d.strategy() != null) {
                        failure = deleteWith(d, failure);
                    } else {
                        deleteTree(d.path());
                    }
                }
            } catch (IOException e) {
                if (!d.ignoreFailures()) {
                    failure = JupiterLifecycle.combine(failure, new IOException("cannot delete @TempDir " + d.path()
                            + ": " + e, e));
                }
            }
            if (d.factory() != null) {
                try {
                    d.factory().close();
                } catch (IOException | RuntimeException e) {
                    failure = JupiterLifecycle.combine(failure, e);
                }
            }
        }
        directories.clear();
        return failure;
    }

    /**
     * Deletes the directory with its deletion strategy of the user's own, which reports what it could not delete; a
     * strategy that throws, or reports failures, fails the scope (with Jupiter's {@code DeletionException}).
     */
    private Throwable deleteWith(TempDirectory d, Throwable failure) {
        try {
            Method delete = extensions.proxies().type("io.TempDirDeletionStrategy").getMethod("delete", Path.class,
                    extensions.proxies().type("extension.AnnotatedElementContext"),
                    extensions.proxies().type("extension.ExtensionContext"));
            Object result = ObjectiveInvoker.unwrap(() -> delete.invoke(d.strategy(), d.path(), d.element(),
                    extensions.proxy()));
            Class<?> resultType = extensions.proxies().type("io.TempDirDeletionStrategy$DeletionResult");
            if (!(boolean) resultType.getMethod("isSuccessful").invoke(result)) {
                Optional<?> exception = (Optional<?>) resultType.getMethod("toException").invoke(result);
                return JupiterLifecycle.combine(failure, exception.map(Throwable.class::cast).orElseGet(() ->
                        new IOException(d.strategy().getClass().getName() + " could not delete @TempDir "
                                + d.path())));
            }
            return failure;
        } catch (Exception e) {
            return JupiterLifecycle.combine(failure, e);
        }
    }

    /**
     * A new directory for the {@code @TempDir} on {@code declaration}: from Jupiter's standard factory, or from the
     * factory it names (or the configured default), called with the declaration's context and the scope's
     * {@code ExtensionContext}; a deletion strategy of the user's own it names (or the configured default) deletes it.
     */
    private Path createTempDir(Annotation tempDir, AnnotatedElement declaration) {
        Object mode = JupiterInjection.attribute(tempDir, "cleanup");
        String cleanup = mode == null || mode.toString().equals("DEFAULT") ? tempDirDefaults.cleanup()
                : mode.toString();
        Class<?> strategyType = JupiterInjection.effective(tempDir, "deletionStrategy",
                tempDirDefaults.deletionStrategy());
        boolean ignoreFailures = strategyType != null && strategyType.getName().endsWith("$IgnoreFailures");
        Class<?> factoryType = JupiterInjection.own(JupiterInjection.effective(tempDir, "factory",
                tempDirDefaults.factory()));
        Class<?> ownStrategy = JupiterInjection.own(strategyType);
        try {
            Object element = null;
            Object strategy = null;
            Closeable factory = null;
            if (factoryType != null || ownStrategy != null) {
                if (extensions == null) {
                    throw new IllegalStateException("the class was discovered without extension contexts, which "
                            + (factoryType != null ? factoryType.getName() : ownStrategy.getName()) + " needs; give"
                            + " surefire's discovery the same junit.jupiter.tempdir.* parameters as its run");
                }
                element = declaration instanceof Parameter p
                        ? extensions.proxies().parameterContext(p.getDeclaringExecutable(),
                                List.of(p.getDeclaringExecutable().getParameters()).indexOf(p), null)
                        : extensions.proxies().annotatedElementContext(declaration);
                strategy = ownStrategy == null ? null : ReflectionSupport.newInstance(ownStrategy);
                factory = factoryType == null ? null : (Closeable) ReflectionSupport.newInstance(factoryType);
            }
            Path directory = factory == null ? Files.createTempDirectory(TEMP_DIR_PREFIX)
                    : created(factory, element);
            directories.add(new TempDirectory(directory, cleanup, ignoreFailures, factory, strategy, element));
            return directory;
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a @TempDir for " + testClass.getName()
                    + (testMethod == null ? "" : "." + testMethod.getName())
                    + (factoryType == null ? "" : " with " + factoryType.getName()) + ": " + e, e);
        }
    }

    /** A directory from a factory of the user's own, called with the declaration's and the scope's contexts. */
    private Path created(Closeable factory, Object element) throws Exception {
        Method create = factory.getClass().getMethod("createTempDirectory",
                extensions.proxies().type("extension.AnnotatedElementContext"),
                extensions.proxies().type("extension.ExtensionContext"));
        create.setAccessible(true);
        return (Path) ObjectiveInvoker.unwrap(() -> create.invoke(factory, element, extensions.proxy()));
    }

    private Object testInfo(Method method, Object[] args) {
        return switch (method.getName()) {
            case "getDisplayName" -> displayName();
            case "getTags" -> Collections.unmodifiableSet(tags);
            case "getTestClass" -> Optional.of(testClass);
            case "getTestMethod" -> Optional.ofNullable(testMethod);
            case "toString" -> "TestInfo [displayName = '" + displayName() + "', tags = " + tags + ", testClass = "
                    + testClass.getName() + ", testMethod = " + (testMethod == null ? "none" : testMethod.getName())
                    + "]";
            default -> {
                if (method.isDefault()) {
                    yield DEFAULT;
                }
                throw new UnsupportedOperationException("TestInfo." + method.getName());
            }
        };
    }

    private Object testReporter(Method method, Object[] args) throws Throwable {
        if (method.getName().equals("publishFile") && args.length == 3 && args[0] instanceof String name) {
            publishFile(name, String.valueOf(args[1]), method.getParameterTypes()[2], args[2]);
            return null;
        }
        if (method.getName().equals("publishDirectory") && args.length == 2 && args[0] instanceof String name) {
            publishDirectory(name, method.getParameterTypes()[1], args[1]);
            return null;
        }
        if (method.getName().equals("publishEntry") && args.length == 1 && args[0] instanceof Map<?, ?> entries) {
            @SuppressWarnings("unchecked")
            Map<String, String> map = (Map<String, String>) entries;
            events.published(test, ReportEntry.from(map));
            return null;
        }
        if (method.getName().equals("toString")) {
            return "TestReporter [" + displayName() + "]";
        }
        if (method.isDefault()) {
            return DEFAULT;  // publishEntry(key, value), publishFile(Path, …): they come back here
        }
        throw new UnsupportedOperationException("TestReporter." + method.getName() + " is not supported by the hpo"
                + " engine; publishEntry, publishFile and publishDirectory are");
    }

    /**
     * {@code TestReporter.publishFile(name, mediaType, action)}, to which Jupiter's other {@code publishFile} methods
     * come: the action writes the file in a directory of its own, which is uploaded as an artifact of the trial with
     * the media type as its MIME type, then deleted.
     */
    void publishFile(String name, String mediaType, Class<?> consumerType, Object action) throws Throwable {
        publish("publishFile", name, consumerType, action, mediaType);
    }

    /**
     * {@code TestReporter.publishDirectory(name, action)}, to which {@code publishDirectory(Path)} comes: the action
     * fills a new directory of that name, which is zipped into one artifact of the trial, {@code name.zip}
     * ({@code application/zip}), then deleted.
     */
    void publishDirectory(String name, Class<?> consumerType, Object action) throws Throwable {
        publish("publishDirectory", name, consumerType, action, null);
    }

    /** A file ({@code mediaType} given) or a directory (null) the action makes, uploaded as the trial's artifact. */
    private void publish(String method, String name, Class<?> consumerType, Object action, String mediaType)
            throws Throwable {
        boolean directory = mediaType == null;
        if (trial == null) {
            throw new UnsupportedOperationException("TestReporter." + method + " in " + testClass.getSimpleName()
                    + ": what it publishes is an artifact of a trial, so publish it from an objective or its"
                    + " @BeforeEach or @AfterEach, not from @BeforeAll or @AfterAll");
        }
        Path work = Files.createTempDirectory("hpo-published");
        try {
            Path target = work.resolve(name);
            if (!work.equals(target.getParent())) {
                throw new IllegalArgumentException("TestReporter." + method + ": '" + name + "' is not a "
                        + (directory ? "directory" : "file") + " name");
            }
            if (directory) {
                Files.createDirectory(target);
            }
            try {
                consumerType.getMethod("accept", Object.class).invoke(action, target);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            Path upload = target;
            if (directory) {
                upload = work.resolve(name + ".zip");
                zip(target, upload);
            } else if (!Files.isRegularFile(target)) {
                throw new IllegalStateException("TestReporter.publishFile: the action wrote no file " + name);
            }
            Artifacts.upload(trial, upload, artifacts, directory ? "application/zip" : mediaType, null);
        } finally {
            deleteTree(work);
        }
    }

    /** Writes the files under {@code directory} into a zip file, by their paths relative to it. */
    private static void zip(Path directory, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files) {
                out.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private String displayName() {
        TestDescriptor d = test;
        return d == null ? testClass.getSimpleName() : d.getDisplayName();
    }

    interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    /** What a handler returns for a method it leaves to the interface's default. */
    static final Object DEFAULT = new Object();

    /**
     * An instance of the Jupiter interface {@code type}: {@code equals} and {@code hashCode} are identity, the rest
     * goes to the handler, and a default method the handler leaves ({@link #DEFAULT}) runs as declared (so
     * {@code publishEntry(key, value)} reaches {@code publishEntry(Map)}).
     */
    static Object proxy(Class<?> type, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> {
            Object[] a = args == null ? new Object[0] : args;
            Object result = switch (method.getName()) {
                case "equals" -> proxy == a[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> handler.handle(method, a);
            };
            return result == DEFAULT ? InvocationHandler.invokeDefault(proxy, method, a) : result;
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation);
    }

    /** Deletes a directory and what it holds, making read-only entries writable first, as Jupiter does. */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileSystem() == FileSystems.getDefault()) {  // a factory's may be in memory
                    dir.toFile().setWritable(true);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
