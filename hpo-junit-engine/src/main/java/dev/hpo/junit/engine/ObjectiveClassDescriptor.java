package dev.hpo.junit.engine;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A class with objectives: the container IDEs and surefire show, with the class's simple name (or its Jupiter
 * {@code @DisplayName}) as display name and its full name as legacy reporting name (surefire's XML report names its
 * test suite after it). It runs the class's {@code @BeforeAll} and {@code @AfterAll} methods around its objectives
 * ({@link JupiterLifecycle}), and the {@code BeforeAll}/{@code AfterAll} callbacks of the extensions it registers
 * ({@link JupiterExtensions}).
 */
final class ObjectiveClassDescriptor extends AbstractTestDescriptor implements Node<HpoExecutionContext> {

    static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;
    private final Set<TestTag> tags;
    private final JupiterLifecycle lifecycle;
    /** Whether the class registers Jupiter extensions itself (its objectives' methods may register more). */
    private final boolean extended;
    private JupiterExtensionContext extensionContext;
    private boolean beforeAllStarted;
    private JupiterScope scope;
    private Throwable beforeAllFailure;
    /** The one instance of a {@code @TestInstance(PER_CLASS)} class while its objectives run; null otherwise. */
    private volatile Object sharedInstance;

    /** {@code autodetection}: Jupiter extensions are auto-detected, so the class runs in extension contexts. */
    ObjectiveClassDescriptor(UniqueId parentId, Class<?> testClass, boolean autodetection) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), JupiterAnnotations.value(testClass,
                testClass.getClassLoader(), "DisplayName").filter(n -> !n.isBlank()).orElse(testClass.getSimpleName()),
                ClassSource.from(testClass));
        this.testClass = testClass;
        this.tags = JupiterTags.of(testClass);
        this.lifecycle = lifecycleOf(testClass);
        this.extended = autodetection || JupiterExtensions.declaredOn(testClass);
    }

    /** A malformed lifecycle method runs nothing here: every objective of the class fails with the reason. */
    private static JupiterLifecycle lifecycleOf(Class<?> testClass) {
        try {
            return JupiterLifecycle.of(testClass);
        } catch (InvalidObjectiveException e) {
            return JupiterLifecycle.NONE;
        }
    }

    /**
     * Creates the shared instance of a per-class lifecycle and runs the class's {@code BeforeAll} callbacks and
     * {@code @BeforeAll} methods, but only when one of its objectives will run: a class whose objectives are all
     * filtered out or disabled does not load its data for nothing.
     */
    @Override
    public HpoExecutionContext before(HpoExecutionContext context) throws Exception {
        if ((lifecycle.hasClassScope() || extended) && getChildren().stream()
                .anyMatch(child -> child instanceof ObjectiveDescriptor o && o.runs(context))) {
            JupiterExtensionContext extensions = extended ? extensionContext(context) : null;
            if (lifecycle.perClass()) {
                sharedInstance = newSharedInstance(extensions);
            }
            beforeAllStarted = true;  // @AfterAll runs even when a @BeforeAll method throws, as in Jupiter
            scope = new JupiterScope(testClass, null, tags, context.events(),
                    context.parameter(JupiterScope.CLEANUP_DEFAULT));
            scope.extensions(extensions);
            scope.started(this);
            try {
                if (extensions != null) {
                    JupiterCallbacks.before(extensions, "BeforeAllCallback", "beforeAll");
                }
                lifecycle.beforeAll(sharedInstance, scope);
            } catch (Exception | Error e) {
                beforeAllFailure = e;
                throw e;
            }
        }
        return context;
    }

    /**
     * A per-class lifecycle's instance, made with what the extensions resolve for its constructor, post-processed by
     * them, and with its {@code @RegisterExtension} fields registered.
     */
    private Object newSharedInstance(JupiterExtensionContext extensions) throws Exception {
        Object instance = ObjectiveInvoker.instantiate(ObjectiveInvoker.constructor(testClass, extended),
                extensions);
        if (extensions != null) {
            extensions.instance(instance);
            JupiterCallbacks.postProcess(extensions, instance);
            extensions.extensions().registerInstanceFields(instance);
        }
        return instance;
    }

    /**
     * The class's context for Jupiter extensions, below the run's, made on first use: the extensions registered on the
     * class and in its static fields, and the parent of its objectives' contexts.
     */
    synchronized JupiterExtensionContext extensionContext(HpoExecutionContext context) {
        if (extensionContext == null) {
            extensionContext = context.extensionRoot(getParent().orElseThrow()).forClass(this, testClass,
                    JupiterExtensions.ofClass(testClass), lifecycle.perClass());
        }
        return extensionContext;
    }

    /**
     * Runs the {@code @AfterAll} methods and the {@code AfterAll} callbacks (a per-class instance's pre-destroy
     * callbacks after them), then deletes the class's temporary directories and closes its extensions' store.
     */
    @Override
    public void after(HpoExecutionContext context) throws Exception {
        Throwable failure = null;
        if (beforeAllStarted) {
            try {
                lifecycle.afterAll(sharedInstance, scope);
            } catch (Exception | Error e) {
                failure = e;
            }
            JupiterExtensionContext extensions = scope.extensions();
            if (extensions != null) {
                failure = JupiterCallbacks.after(extensions, "AfterAllCallback", "afterAll", failure);
                if (sharedInstance != null) {
                    failure = JupiterCallbacks.after(extensions, "TestInstancePreDestroyCallback",
                            "preDestroyTestInstance", failure);
                }
            }
            // a failed @BeforeAll is reported already; it only keeps ON_SUCCESS directories
            Throwable cleanup = scope.close(failure != null ? failure : beforeAllFailure);
            failure = cleanup == beforeAllFailure ? failure : cleanup;
            sharedInstance = null;
        }
        JupiterExtensionContext extensions;
        synchronized (this) {
            extensions = extensionContext;
            extensionContext = null;
        }
        if (extensions != null) {
            failure = extensions.close(failure);
        }
        JupiterLifecycle.rethrow(failure);
    }

    /** The instance every trial of the class's instance objectives runs on, or null for a fresh one per trial. */
    Object sharedInstance() {
        return sharedInstance;
    }

    Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
