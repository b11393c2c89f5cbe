package dev.hpo.junit.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A class with objectives: the container IDEs and surefire show, with the class's simple name (or what Jupiter's
 * {@code @DisplayName} or display name generators make of it, {@link JupiterDisplayNames}) as display name and its
 * full name as legacy reporting name (surefire's XML report names its test suite after it). It runs the class's
 * {@code @BeforeAll} and {@code @AfterAll} methods around its objectives ({@link JupiterLifecycle}), and the
 * {@code BeforeAll}/{@code AfterAll} callbacks of the extensions it registers ({@link JupiterExtensions}). A Jupiter
 * {@code @Nested} class with objectives is one too, below its enclosing class's, as Jupiter nests it: its objectives'
 * trials run on an instance inside one of the enclosing class, whose lifecycle methods, extensions, tags, conditions
 * and {@code @Timeout} apply to them too.
 */
final class ObjectiveClassDescriptor extends AbstractTestDescriptor implements Node<HpoExecutionContext> {

    static final String SEGMENT_TYPE = "class";
    static final String NESTED_SEGMENT_TYPE = "nested-class";

    private final Class<?> testClass;
    /** The enclosing class's descriptor of a {@code @Nested} class; null for the others. */
    private final ObjectiveClassDescriptor enclosing;
    private final Set<TestTag> tags;
    private final JupiterLifecycle lifecycle;
    /** Whether the class registers Jupiter extensions itself (its objectives' methods may register more). */
    private final boolean extended;
    private JupiterExtensionContext extensionContext;
    private boolean beforeAllStarted;
    private JupiterScope scope;
    private Throwable beforeAllFailure;
    /**
     * The instances of a {@code @TestInstance(PER_CLASS)} class while its objectives run, its own last (those before it
     * enclose a {@code @Nested} class's); null otherwise.
     */
    private volatile List<Object> sharedInstances;

    private ObjectiveClassDescriptor(UniqueId id, Class<?> testClass, ObjectiveClassDescriptor enclosing,
            JupiterDefaults defaults) {
        super(id, defaults.displayNames().forClass(classes(enclosing, testClass)), ClassSource.from(testClass));
        this.testClass = testClass;
        this.enclosing = enclosing;
        Set<TestTag> all = new LinkedHashSet<>(enclosing == null ? Set.of() : enclosing.getTags());
        all.addAll(JupiterTags.of(testClass));
        this.tags = Set.copyOf(all);
        this.lifecycle = lifecycleOf(testClass, defaults);
        this.extended = defaults.contexts() || JupiterExtensions.declaredOn(testClass)
                || (enclosing != null && enclosing.extended);
    }

    /**
     * A top-level or static class's descriptor, with the Jupiter configuration discovery applies ({@code defaults}).
     */
    static ObjectiveClassDescriptor of(UniqueId parentId, Class<?> testClass, JupiterDefaults defaults) {
        return new ObjectiveClassDescriptor(parentId.append(SEGMENT_TYPE, testClass.getName()), testClass, null,
                defaults);
    }

    /** A {@code @Nested} class's descriptor, below its enclosing class's. */
    static ObjectiveClassDescriptor nested(ObjectiveClassDescriptor enclosing, Class<?> testClass,
            JupiterDefaults defaults) {
        return new ObjectiveClassDescriptor(enclosing.getUniqueId().append(NESTED_SEGMENT_TYPE,
                testClass.getSimpleName()), testClass, enclosing, defaults);
    }

    /** A malformed lifecycle method runs nothing here: every objective of the class fails with the reason. */
    private static JupiterLifecycle lifecycleOf(Class<?> testClass, JupiterDefaults defaults) {
        try {
            return JupiterLifecycle.of(testClass, defaults);
        } catch (InvalidObjectiveException e) {
            return JupiterLifecycle.NONE;
        }
    }

    /**
     * Creates the shared instance of a per-class lifecycle and runs the class's {@code BeforeAll} callbacks and
     * {@code @BeforeAll} methods whenever the class has an objective in the run, as Jupiter runs a class's whenever
     * the class is not disabled and has children, even if a condition then skips each of them: its objectives (or a
     * {@code @Nested} class's) may all be disabled, or its {@code @Nested} classes may be. A class whose objectives
     * {@code hpo.objectives} all leaves out runs nothing, as Jupiter runs nothing of a class whose tests a discovery
     * filter removed ({@link #hasObjectiveInRun}); no condition is asked here, each node asks its own once, in
     * {@link #shouldBeSkipped}.
     */
    @Override
    public HpoExecutionContext before(HpoExecutionContext context) throws Exception {
        if ((lifecycle.hasClassScope() || extended)
                && hasObjectiveInRun(o -> o.valid() && selected(context, o))) {
            JupiterExtensionContext extensions = extended ? extensionContext(context) : null;
            scope = new JupiterScope(testClass, null, tags, context.events(),
                    context.tempDirDefaults(testClass));
            scope.extensions(extensions);
            scope.started(this);
            if (lifecycle.perClass()) {
                sharedInstances = newSharedInstances(extensions, scope);
            }
            beforeAllStarted = true;  // @AfterAll runs even when a @BeforeAll method throws, as in Jupiter
            try {
                if (extensions != null) {
                    JupiterCallbacks.before(extensions, "BeforeAllCallback", "beforeAll");
                }
                lifecycle.beforeAll(sharedInstance(), scope);
            } catch (Exception | Error e) {
                beforeAllFailure = e;
                throw e;
            }
        }
        return context;
    }

    /**
     * Whether the class or one of its {@code @Nested} classes has an objective that passes {@code test}, enabled or
     * not. {@code hpo.objectives} is the build's choice of studies, which the goal and surefire's users make as they
     * choose tests with {@code -Dtest}: it corresponds to Jupiter's discovery filters, which leave no node of a test
     * they remove (nor of a class left without tests), so an objective it leaves out counts for nothing here. The hpo
     * engine still reports such an objective, skipped with {@link NotSelected}'s reason, for the goal to say why it
     * did not run. A malformed objective, which Jupiter would report as a discovery issue rather than run, does not
     * count for the lifecycle either.
     */
    private boolean hasObjectiveInRun(Predicate<ObjectiveDescriptor> test) {
        for (TestDescriptor child : getChildren()) {
            if (child instanceof ObjectiveDescriptor o ? test.test(o)
                    : child instanceof ObjectiveClassDescriptor nested && nested.hasObjectiveInRun(test)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Skips the class as a whole, with the reason, when a condition disables it, as Jupiter skips a class's container:
     * none of its objectives is reported, its {@code @BeforeAll} methods and extensions' callbacks do not run. A class
     * whose objectives {@code hpo.objectives} all leaves out asks no condition and makes no extension (Jupiter would
     * have no node of it): its objectives are each skipped as not selected.
     */
    @Override
    public SkipResult shouldBeSkipped(HpoExecutionContext context) throws Exception {
        if (!hasObjectiveInRun(o -> selected(context, o))) {
            return SkipResult.doNotSkip();
        }
        return disabled(context).map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
    }

    /** Whether {@code hpo.objectives} selects the objective; a configuration that cannot be read selects it. */
    private static boolean selected(HpoExecutionContext context, ObjectiveDescriptor objective) {
        try {
            return context.configuration().selects(objective.studyName());
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /**
     * Why a condition disables the class, if one does, asked in the order Jupiter asks them for a class: the run's,
     * then those the enclosing classes of a {@code @Nested} class register, then the class's own.
     */
    private Optional<String> disabled(HpoExecutionContext context) throws Exception {
        JupiterConditions rules = new JupiterConditions(context.parameter(JupiterConditions.DEACTIVATE));
        List<Object> conditions = extended ? extensionContext(context).all(JupiterExtensions.CONDITION)
                : JupiterExtensions.builtInConditions(chain().stream().map(c -> c.testClass).toList());
        return JupiterCallbacks.disabled(conditions, testClass, testClass, () -> extensionContext(context).proxy(),
                rules);
    }

    /** Closes the context of a skipped class, made to ask its conditions; {@link #after} closes it otherwise. */
    @Override
    public void cleanUp(HpoExecutionContext context) throws Exception {
        JupiterExtensionContext extensions;
        synchronized (this) {
            extensions = extensionContext;
            extensionContext = null;
        }
        if (extensions != null) {
            JupiterLifecycle.rethrow(extensions.close(null));
        }
    }

    /**
     * A per-class lifecycle's instance, inside those of the enclosing classes for a {@code @Nested} class (shared
     * ones, or new ones with their {@code @TempDir} fields assigned in the class's {@code scope}), made with what its
     * constructor takes resolved in that scope (by its extensions, if any), post-processed by them, and with its
     * {@code @RegisterExtension} fields registered ({@link InstanceChain#complete}).
     */
    private List<Object> newSharedInstances(JupiterExtensionContext extensions, JupiterScope scope)
            throws Exception {
        List<ObjectiveClassDescriptor> classes = chain();
        InstanceChain chain = new InstanceChain(classes.stream().<Class<?>>map(c -> c.testClass).toList(),
                classes.stream().map(c -> c.lifecycle).toList(), extended, null);
        List<Object> shared = enclosing == null ? List.of() : enclosing.sharedInstances();
        List<Object> instances = chain.complete(shared, scope);
        for (int i = shared.size(); i < instances.size() - 1; i++) {
            classes.get(i).lifecycle.injectInstance(instances.get(i), scope);
        }
        if (extensions != null) {
            extensions.instances(instances);
        }
        return instances;
    }

    /**
     * The class's context for Jupiter extensions, below the run's (or its enclosing class's, for a {@code @Nested}
     * class), made on first use: the extensions registered on the class and in its static fields, and the parent of
     * its objectives' contexts.
     */
    synchronized JupiterExtensionContext extensionContext(HpoExecutionContext context) {
        if (extensionContext == null) {
            JupiterExtensionContext parent = enclosing != null ? enclosing.extensionContext(context)
                    : context.extensionRoot(getParent().orElseThrow());
            extensionContext = parent.forClass(this, testClass, JupiterExtensions.ofClass(testClass, parent),
                    lifecycle.perClass());
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
                lifecycle.afterAll(sharedInstance(), scope);
            } catch (Exception | Error e) {
                failure = e;
            }
            JupiterExtensionContext extensions = scope.extensions();
            if (extensions != null) {
                failure = JupiterCallbacks.after(extensions, "AfterAllCallback", "afterAll", failure);
            }
            failure = JupiterAutoClose.closeStatics(testClass, failure);
            if (extensions != null && sharedInstances != null) {
                failure = JupiterCallbacks.after(extensions, "TestInstancePreDestroyCallback",
                        "preDestroyTestInstance", failure);
            }
            if (sharedInstances != null) {
                failure = JupiterAutoClose.closeInstances(sharedInstances, enclosing == null ? 0
                        : enclosing.sharedInstances().size(), failure);
            }
            // a failed @BeforeAll is reported already; it only keeps ON_SUCCESS directories
            Throwable cleanup = scope.close(failure != null ? failure : beforeAllFailure);
            failure = cleanup == beforeAllFailure ? failure : cleanup;
            sharedInstances = null;
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

    /** The class's one instance under a per-class lifecycle, or null. */
    private Object sharedInstance() {
        List<Object> shared = sharedInstances;
        return shared == null ? null : shared.get(shared.size() - 1);
    }

    /**
     * The instances that outlive a trial of the class's instance objectives, the outermost first: the per-class
     * lifecycle's of this class (and those it is inside of), or else of the nearest enclosing class that has one;
     * empty when every trial makes its own.
     */
    List<Object> sharedInstances() {
        List<Object> shared = sharedInstances;
        return shared != null ? shared : enclosing != null ? enclosing.sharedInstances() : List.of();
    }

    /** The classes of the enclosing descriptors, the outermost first, then {@code testClass}. */
    private static List<Class<?>> classes(ObjectiveClassDescriptor enclosing, Class<?> testClass) {
        List<Class<?>> classes = new ArrayList<>();
        if (enclosing != null) {
            enclosing.chain().forEach(c -> classes.add(c.testClass));
        }
        classes.add(testClass);
        return classes;
    }

    /** This descriptor after those of the classes a {@code @Nested} class is enclosed in, the outermost first. */
    List<ObjectiveClassDescriptor> chain() {
        List<ObjectiveClassDescriptor> classes = new ArrayList<>();
        for (ObjectiveClassDescriptor c = this; c != null; c = c.enclosing) {
            classes.add(0, c);
        }
        return classes;
    }

    /** The enclosing class's descriptor of a {@code @Nested} class; null for the others. */
    ObjectiveClassDescriptor enclosing() {
        return enclosing;
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
