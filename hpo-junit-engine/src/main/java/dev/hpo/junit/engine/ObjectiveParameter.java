package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;

/**
 * One parameter of an objective method and how a trial fills it: a {@link TunedParameter} is suggested from its
 * distribution, a {@link TrialParameter} receives the trial itself, an {@link ArtifactStoreParameter} the run's
 * artifact store, a {@link JupiterParameter} what Jupiter would inject ({@code TestInfo}, {@code @TempDir}, …), an
 * {@link ExtensionParameter} what a registered Jupiter extension resolves, a {@link RecordParameter} a record made
 * of tuned values.
 */
sealed interface ObjectiveParameter permits TunedParameter, RecordParameter, TrialParameter, ArtifactStoreParameter,
        JupiterParameter, ExtensionParameter {

    /**
     * The argument this parameter gets in the given trial of a run whose artifact store is {@code artifacts};
     * {@code scope} is the trial's Jupiter scope, null when the objective injects nothing of Jupiter's.
     */
    Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope);
}
