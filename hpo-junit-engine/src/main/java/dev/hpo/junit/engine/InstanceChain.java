package dev.hpo.junit.engine;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
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

    /**
     * The chain of {@code classes} (the outermost first, each but the first a {@code @Nested} class of the one before,
     * or of a superclass of it) with their lifecycles; {@code extended}: extensions may resolve constructor
     * parameters.
     *
     * @throws InvalidObjectiveException when a class has no constructor the engine can call
     */
    InstanceChain(List<Class<?>> classes, List<JupiterLifecycle> lifecycles, boolean extended) {
        List<Constructor<?>> found = new ArrayList<>();
        for (Class<?> c : classes) {
            found.add(ObjectiveInvoker.constructor(c, extended));
        }
        this.constructors = List.copyOf(found);
        this.lifecycles = List.copyOf(lifecycles);
    }

    /**
     * The instances of every class of the chain: {@code shared}, the outermost ones that outlive the trial (of
     * {@code @TestInstance(PER_CLASS)} classes, may be empty), then a new one of each further class inside the one
     * before, post-processed by the extensions of {@code context} (null: none) and with its
     * {@code @RegisterExtension} fields registered there.
     */
    List<Object> complete(List<Object> shared, JupiterExtensionContext context) throws Exception {
        List<Object> all = new ArrayList<>(constructors.size());
        all.addAll(shared);
        for (int i = shared.size(); i < constructors.size(); i++) {
            Object instance = ObjectiveInvoker.instantiate(constructors.get(i), context,
                    i == 0 ? null : all.get(i - 1));
            all.add(instance);
            if (context != null) {
                context.instances(all);
                JupiterCallbacks.postProcess(context, instance);
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
