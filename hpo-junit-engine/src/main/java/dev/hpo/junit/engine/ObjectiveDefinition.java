package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.junit.Objective;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A valid objective as discovery found it: the method, its {@link Objective} annotation and its parameters in
 * declaration order. Building the arguments of a trial suggests every tuned parameter in that order, which is
 * the search space the study sees.
 *
 * @param studyName the study's name before {@code hpo.study.prefix}: {@code SimpleClassName.method} or the
 *        annotation's name
 * @param lifecycles the Jupiter lifecycle methods of the class and, for a {@code @Nested} class, of each enclosing
 *        class, the outermost's first; their {@code @BeforeEach}/{@code @AfterEach} surround every call of an
 *        instance objective
 * @param instanceChain how a trial's instances are made ({@link InstanceChain}); null for a static objective
 * @param trialTimeout the time one trial may take (Jupiter's {@code @Timeout}, {@link JupiterTimeout}), or null
 * @param extended whether the class, an enclosing class or the method registers Jupiter extensions
 *        ({@link JupiterExtensions}), which then run around every trial
 * @param enqueued the configurations of its {@code @Enqueue} annotations, in declaration order
 *        ({@link EnqueuedTrials})
 */
record ObjectiveDefinition(Class<?> testClass, Method method, Objective annotation, String studyName,
        List<ObjectiveParameter> parameters, List<JupiterLifecycle> lifecycles, InstanceChain instanceChain,
        Duration trialTimeout, boolean extended, List<Map<String, Object>> enqueued) {

    ObjectiveDefinition {
        parameters = List.copyOf(parameters);
        lifecycles = List.copyOf(lifecycles);
        enqueued = List.copyOf(enqueued);
    }

    /** The parameters the study tunes, in declaration order (a record parameter's components in its place). */
    List<TunedParameter> tunedParameters() {
        return tuned(parameters);
    }

    static List<TunedParameter> tuned(List<ObjectiveParameter> parameters) {
        List<TunedParameter> tuned = new ArrayList<>();
        for (ObjectiveParameter p : parameters) {
            if (p instanceof TunedParameter t) {
                tuned.add(t);
            } else if (p instanceof RecordParameter r) {
                tuned.addAll(r.tuned());
            }
        }
        return tuned;
    }

    /**
     * Suggests every tuned parameter from the trial and returns the method's arguments; {@code scope} is null unless
     * {@link #injectsJupiter}. When one fails, the directories made for those before it are deleted.
     */
    Object[] arguments(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        Object[] args = new Object[parameters.size()];
        try {
            for (int i = 0; i < args.length; i++) {
                args[i] = parameters.get(i).argument(trial, artifacts, scope);
            }
        } catch (RuntimeException e) {
            if (scope != null) {
                scope.close(e);
            }
            throw e;
        }
        return args;
    }

    /**
     * Whether a trial needs a {@link JupiterScope}: the method, its class's fields, lifecycle methods or the
     * constructors of the instances it makes inject, or extensions run around it.
     */
    boolean injectsJupiter() {
        if (extended) {
            return true;
        }
        for (ObjectiveParameter p : parameters) {  // once per trial: a loop, not a stream
            if (p instanceof JupiterParameter) {
                return true;
            }
        }
        for (JupiterLifecycle lifecycle : lifecycles) {
            if (lifecycle.injectsPerTrial()) {
                return true;
            }
        }
        return instanceChain != null && instanceChain.injectsPerTrial();
    }

    /**
     * Whether a run opens an artifact store: the method takes an {@link ArtifactStore}, or a {@code TestReporter} (it,
     * its {@code @BeforeEach}/{@code @AfterEach}, or its class's constructor), or extensions run around it, whose
     * published files become the trial's artifacts.
     */
    boolean usesArtifacts() {
        return extended || parameters.stream().anyMatch(p -> p instanceof ArtifactStoreParameter
                || p instanceof JupiterParameter j && j.kind() == JupiterInjection.TEST_REPORTER)
                || lifecycles.stream().anyMatch(JupiterLifecycle::reportsPerTrial)
                || (instanceChain != null && instanceChain.reports());
    }

    /** {@code com.example.Tuning.accuracy}: how messages name the method. */
    String qualifiedMethodName() {
        return testClass.getName() + "." + method.getName();
    }
}
