package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;

/**
 * A parameter of an objective method that neither hpo nor Jupiter's built-in resolvers fill, in a class or method
 * that registers Jupiter extensions: a {@code ParameterResolver} among them resolves it in the trial's context, right
 * before the objective is called (after the {@code BeforeEach} callbacks and methods, as Jupiter resolves a test's
 * parameters), so {@link #argument} leaves {@link #UNRESOLVED} in its place.
 */
record ExtensionParameter(int index) implements ObjectiveParameter {

    /** What stands in the arguments for a parameter an extension will resolve. */
    static final Object UNRESOLVED = new Object();

    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        return UNRESOLVED;
    }
}
