package dev.hpo.junit.engine;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One {@code @Objective} method. In smoke mode it is a test that runs one trial; in study mode a container whose
 * trials are registered as dynamic tests while the study runs (hence {@link #mayRegisterTests()}), and which fails
 * only when no trial of the run completed. A malformed objective is a plain test that fails with the reason found
 * at discovery, so that one bad method does not hide the others. Its display name is Jupiter's for a test method,
 * {@code bowl(double, int)} by default, or what Jupiter's {@code @DisplayName} or display name generators make of it
 * ({@link JupiterDisplayNames}).
 */
final class ObjectiveDescriptor extends AbstractTestDescriptor implements Node<HpoExecutionContext> {

    static final String SEGMENT_TYPE = "objective";

    private final Class<?> testClass;
    private final Method method;
    private final String studyName;
    private final ObjectiveDefinition definition;
    private final Set<TestTag> tags;
    private String problem;
    private JupiterExtensionContext extensionContext;

    private ObjectiveDescriptor(UniqueId parentId, List<Class<?>> classes, Method method, String displayName,
            ObjectiveDefinition definition, String problem) {
        super(parentId.append(SEGMENT_TYPE, segment(method)), displayName,
                MethodSource.from(classes.get(classes.size() - 1), method));
        this.testClass = classes.get(classes.size() - 1);
        this.method = method;
        this.studyName = ObjectiveParser.studyName(classes, method);
        this.definition = definition;
        this.problem = problem;
        Set<TestTag> all = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            all.addAll(JupiterTags.of(c));
        }
        all.addAll(JupiterTags.of(method));
        this.tags = Set.copyOf(all);
    }

    /**
     * Parses the method of the last of {@code classes} (after those a {@code @Nested} class runs inside of, the
     * outermost first); a malformed one becomes a descriptor that fails with the reason.
     */
    static ObjectiveDescriptor of(UniqueId parentId, List<Class<?>> classes, Method method,
            JupiterDefaults defaults) {
        String name = defaults.displayNames().forMethod(classes, method);
        try {
            return new ObjectiveDescriptor(parentId, classes, method, name,
                    ObjectiveParser.parse(classes, method, defaults), null);
        } catch (InvalidObjectiveException e) {
            return new ObjectiveDescriptor(parentId, classes, method, name, null, e.getMessage());
        }
    }

    /** The unique id segment value: the method's name and parameter types, as Jupiter names methods. */
    static String segment(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    /** The study name before any configured prefix. */
    String studyName() {
        return studyName;
    }

    Method method() {
        return method;
    }

    /** Marks a valid objective as malformed after the fact (two objectives with one study name). */
    void markInvalid(String reason) {
        this.problem = reason;
    }

    @Override
    public Type getType() {
        return problem != null ? Type.TEST : Type.CONTAINER_AND_TEST;
    }

    @Override
    public boolean mayRegisterTests() {
        return problem == null;
    }

    /**
     * {@code bowl(double, int)} whatever the display name, as Jupiter's method descriptors report a method: surefire's
     * XML names a method with parameters by it, so an objective's test case reads as a Jupiter test's would.
     */
    @Override
    public String getLegacyReportingName() {
        return JupiterDisplayNames.standard(method);
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    /** The instances that outlive a trial ({@link ObjectiveClassDescriptor#sharedInstances}), the outermost first. */
    List<Object> sharedInstances() {
        return classDescriptor().sharedInstances();
    }

    private ObjectiveClassDescriptor classDescriptor() {
        return getParent().filter(ObjectiveClassDescriptor.class::isInstance)
                .map(ObjectiveClassDescriptor.class::cast)
                .orElseThrow(() -> new IllegalStateException(this + " is not in a class"));
    }

    /** Whether the objective is well formed, so that it runs its method unless skipped. */
    boolean valid() {
        return problem == null;
    }

    /**
     * The objective's context for Jupiter extensions, below its class's, made on first use: the extensions its
     * method registers, and the parent of its trials' contexts.
     */
    synchronized JupiterExtensionContext extensionContext(HpoExecutionContext context) {
        if (extensionContext == null) {
            JupiterExtensionContext parent = classDescriptor().extensionContext(context);
            extensionContext = parent.forObjective(this, method, JupiterExtensions.ofMethod(method, parent));
        }
        return extensionContext;
    }

    /** Closes what extensions stored in the objective's context while its trials ran. */
    @Override
    public void after(HpoExecutionContext context) throws Exception {
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
     * Tells the extensions' watchers that the objective is disabled, with the reason; not one {@code hpo.objectives}
     * leaves out, of which Jupiter's watchers would hear nothing (a filter removes the test's node).
     */
    @Override
    public void nodeSkipped(HpoExecutionContext context, TestDescriptor descriptor, SkipResult result) {
        if (problem == null && definition.extended() && context != null
                && !result.getReason().filter(NotSelected::isReason).isPresent()) {
            JupiterCallbacks.watchDisabled(extensionContext(context), result.getReason().orElse(null));
        }
    }

    /**
     * Skips the objective, with {@link NotSelected}'s reason, when {@code hpo.objectives} leaves it out, before
     * anything else: as Jupiter asks no condition of a test a discovery filter removed, an objective left out costs
     * nothing, neither its method's extensions nor a condition call. Otherwise skips it, with the reason, when a
     * condition disables its method, as Jupiter asks a method's conditions (its class's are the class descriptor's,
     * {@link ObjectiveClassDescriptor#shouldBeSkipped}), each once.
     */
    @Override
    public SkipResult shouldBeSkipped(HpoExecutionContext context) throws Exception {
        HpoConfiguration configuration = context.configuration();
        if (!configuration.selects(studyName)) {  // a malformed one too, as surefire's -Dtest leaves a broken test out
            return SkipResult.skip(NotSelected.reason(configuration.studyName(studyName), configuration.objectives()));
        }
        JupiterConditions rules = new JupiterConditions(context.parameter(JupiterConditions.DEACTIVATE));
        List<Object> conditions;
        if (problem == null && definition.extended()) {
            conditions = extensionContext(context).all(JupiterExtensions.CONDITION);
        } else {
            List<AnnotatedElement> levels = new ArrayList<>();
            classDescriptor().chain().forEach(c -> levels.add(c.testClass()));
            levels.add(method);
            conditions = JupiterExtensions.builtInConditions(levels);
        }
        return JupiterCallbacks.disabled(conditions, method, testClass, () -> extensionContext(context).proxy(), rules)
                .map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
    }

    @Override
    public HpoExecutionContext execute(HpoExecutionContext context, DynamicTestExecutor dynamicTestExecutor)
            throws Exception {
        if (problem != null) {
            throw new InvalidObjectiveException(problem);
        }
        HpoConfiguration configuration = context.configuration();
        RunSettings settings = RunSettings.of(definition, configuration);
        if (configuration.mode() == Mode.SMOKE) {
            new SmokeRun(this, definition, settings, context, configuration.storage()).run();
        } else {
            new StudyRun(this, definition, settings, context,
                    configuration.storage() != null ? configuration.storage() : "memory:").run();
        }
        return context;
    }

    @Override
    public String toString() {
        return "objective " + testClass.getName() + "." + method.getName();
    }
}
