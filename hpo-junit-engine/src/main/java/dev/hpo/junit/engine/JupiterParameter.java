package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import java.lang.reflect.Parameter;

/**
 * A parameter of an objective method that Jupiter's built-in resolvers would fill: a {@code TestInfo} naming the
 * trial's test, a {@code TestReporter} publishing on it, or a {@code @TempDir} directory of the trial's own, deleted
 * after it (so a model saved there and uploaded with {@code Artifacts.upload} outlives it only in the store).
 */
record JupiterParameter(JupiterInjection kind, Parameter parameter) implements ObjectiveParameter {

    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        return scope.value(kind, parameter, parameter.getType());
    }
}
