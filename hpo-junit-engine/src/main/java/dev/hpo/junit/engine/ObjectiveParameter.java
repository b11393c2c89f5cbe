package dev.hpo.junit.engine;

import dev.hpo.Trial;

/**
 * One parameter of an objective method and how a trial fills it: a {@link TunedParameter} is suggested from its
 * distribution, a {@link TrialParameter} receives the trial itself.
 */
sealed interface ObjectiveParameter permits TunedParameter, TrialParameter {

    /** The argument this parameter gets in the given trial. */
    Object argument(Trial trial);
}
