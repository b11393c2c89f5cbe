package dev.hpo.junit.engine;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The instances a trial of an instance objective runs on: one of its class, and, for a Jupiter {@code @Nested} class,
 * one of each enclosing class around it, the outermost first, each made inside the one before (as Jupiter makes a
 * nested test's instances). Each class's {@code @BeforeEach} methods run on its own instance, the outermost's first,
 * and its {@code @AfterEach} methods in reverse.
 */
final class InstanceChain {

    private final List<Constructor<?>> constructors;
    private final List<JupiterLifecycle> lifecycles;
    private final boolean injectsPerTrial;

    /**
     * The chain of {@code classes} (the outermost first, each but the first a {@code @Nested} class of the one before,
     * or of a superclass of it) with their lifecycles; {@code extended}: extensions may resolve constructor
     * parameters; {@code where}: the objective, as messages name it (null: none).
     *
     * @throws InvalidObjectiveException when a class has no constructor the engine can call
     */
    InstanceChain(List<Class<?>> classes, List<JupiterLifecycle> lifecycles, boolean extended, String where) {
        List<Constructor<?>> found = new ArrayList<>();
        for (Class<?> c : classes) {
            found.add(ObjectiveInvoker.constructor(c, extended, where));
        }
        this.constructors = List.copyOf(found);
        this.lifecycles = List.copyOf(lifecycles);
        int fresh = 0;
        for (int i = 0; i < lifecycles.size(); i++) {
            fresh = lifecycles.get(i).perClass() ? i + 1 : fresh;
        }
        this.injectsPerTrial = constructors.subList(fresh, constructors.size()).stream()
                .anyMatch(c -> c.getParameterCount() > (ObjectiveInvoker.isInner(c.getDeclaringClass()) ? 1 : 0));
    }

    /**
     * Whether a trial needs a {@link JupiterScope} for its instances: the constructor of a class it makes an instance
     * of (one after the last with a per-class lifecycle) takes parameters other than its enclosing instance.
     */
    boolean injectsPerTrial() {
        return injectsPerTrial;
    }

    /** Whether a constructor takes a {@code TestReporter}, which may publish files as the trial's artifacts. */
    boolean reports() {
        return constructors.stream().flatMap(c -> Arrays.stream(c.getParameterTypes()))
                .anyMatch(t -> t.getName().equals(JupiterInjection.TEST_REPORTER_TYPE));
    }

    /**
     * The instances of every class of the chain: {@code shared}, the outermost ones that outlive the trial (of
     * {@code @TestInstance(PER_CLASS)} classes, may be empty), then a new one of each further class inside the one
     * before, its constructor's parameters resolved in {@code scope} (null: none are) and its
     * {@code @RegisterExtension} fields registered there. As in Jupiter, the last class's instance is made and
     * post-processed by the scope's extensions (if any), an enclosing class's by those of that class's context only:
     * an extension a {@code @Nested} class registers never sees the instance of the class it is nested in.
     */
    List<Object> complete(List<Object> shared, JupiterScope scope) throws Exception {
        JupiterExtensionContext context = scope == null ? null : scope.extensions();
        List<JupiterExtensionContext> classes = context == null ? null : context.classContexts();
        if (classes != null && classes.size() != constructors.size()) {
            throw new IllegalStateException("the context of " + constructors.get(constructors.size() - 1)
                    .getDeclaringClass().getName() + " is inside " + classes.size() + " classes' contexts, not "
                    + constructors.size());
        }
        List<Object> all = new ArrayList<>(constructors.size());
        all.addAll(shared);
        for (int i = shared.size(); i < constructors.size(); i++) {
            JupiterExtensionContext own = context == null || i == constructors.size() - 1 ? context : classes.get(i);
            Object instance = ObjectiveInvoker.instantiate(constructors.get(i), scope, own,
                    i == 0 ? null : all.get(i - 1));
            all.add(instance);
            if (context != null) {
                if (own == context) {
                    context.instances(all);
                }
                JupiterCallbacks.postProcess(own, instance);
                context.extensions().registerInstanceFields(instance);
            }
        }
        return all;
    }

    /**
     * Calls {@code objective} inside every class's {@code @BeforeEach} and {@code @AfterEach} methods, each on its own
     * instance; the instances from {@code freshFrom} on were made for this call, so they get their {@code @TempDir}
     * fields first ({@link JupiterLifecycle#aroundEach}).
     */
    Object aroundEach(List<Object> instances, int freshFrom, JupiterScope scope,
            JupiterLifecycle.ObjectiveCall objective) throws Exception {
        JupiterLifecycle.ObjectiveCall call = objective;
        for (int i = instances.size() - 1; i >= 0; i--) {
            JupiterLifecycle.ObjectiveCall inner = call;
            Object instance = instances.get(i);
            JupiterLifecycle lifecycle = lifecycles.get(i);
            boolean fresh = i >= freshFrom;
            call = () -> lifecycle.aroundEach(instance, fresh, scope, inner);
        }
        return call.call();
    }
}
