package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.util.List;
import java.util.Map;

/**
 * Chooses parameter values. A sampler answers three questions, as in Optuna: which part of the space it
 * models jointly ({@link #inferRelativeSearchSpace}), what it suggests for that part at the start of a trial
 * ({@link #sampleRelative}), and what it suggests for a parameter outside it when the objective asks
 * ({@link #sampleIndependent}). Values are in the internal representation of their distribution.
 *
 * <p>Samplers are called from every thread of a parallel study; implementations synchronize what they share.
 * Every sampler that draws at random has a {@code (long seed)} constructor: same seed, same trials.
 */
public interface Sampler {

    /** The parameters to sample jointly for this trial; empty for a purely independent sampler. */
    default Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        return Map.of();
    }

    /** Values for (part of) the relative search space, by parameter name. */
    default Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return Map.of();
    }

    /** A value for one parameter that the relative sample did not cover. */
    double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution);

    /** Called when a trial starts, before anything is sampled. */
    default void beforeTrial(Study study, FrozenTrial trial) {
    }

    /** Called when a trial finishes, before its state is stored. */
    default void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
    }
}
