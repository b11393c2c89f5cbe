package dev.hpo;

import java.util.EnumSet;
import java.util.Set;

/**
 * Caps a study at a number of finished trials, counted in the storage, so the cap holds for every worker (thread,
 * process or machine) that shares the study: after each trial, a worker that sees the cap reached stops its
 * {@link Study#optimize} loop. Workers that are mid-trial then finish that trial, so the study may end a few
 * trials over the cap (at most one per other worker).
 */
public final class MaxTrialsCallback implements TrialCallback {

    private final int maxTrials;
    private final Set<TrialState> counted;

    /** Counts COMPLETE, PRUNED and FAIL trials. */
    public MaxTrialsCallback(int maxTrials) {
        this(maxTrials, EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL));
    }

    /** Counts only trials in the given states (Optuna counts COMPLETE only). */
    public MaxTrialsCallback(int maxTrials, Set<TrialState> counted) {
        if (maxTrials < 1) {
            throw new IllegalArgumentException("maxTrials must be at least 1, got " + maxTrials);
        }
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("MaxTrialsCallback needs at least one state to count");
        }
        this.maxTrials = maxTrials;
        this.counted = EnumSet.copyOf(counted);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (study.trials(counted).size() >= maxTrials) {
            study.stop();
        }
    }
}
