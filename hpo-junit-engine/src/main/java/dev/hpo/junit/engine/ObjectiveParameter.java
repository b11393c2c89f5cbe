package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;

/**
 * One parameter of an objective method and how a trial fills it: a {@link TunedParameter} is suggested from its
 * distribution, a {@link TrialParameter} receives the trial itself, an {@link ArtifactStoreParameter} the run's
 * artifact store.
 */
sealed interface ObjectiveParameter permits TunedParameter, TrialParameter, ArtifactStoreParameter {

    /** The argument this parameter gets in the given trial of a run whose artifact store is {@code artifacts}. */
    Object argument(Trial trial, ArtifactStore artifacts);
}
