package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;

/**
 * Prunes a trial whose best intermediate value so far is worse than the median of the values that completed
 * trials reported at the same step (Optuna's {@code MedianPruner}, the study's default pruner). It is the
 * {@link PercentilePruner} at the 50th percentile, with the same options and defaults: {@code nStartupTrials}
 * 5, {@code nWarmupSteps} 0, {@code intervalSteps} 1, {@code nMinTrials} 1.
 */
public final class MedianPruner implements Pruner {

    private final PercentilePruner percentile;

    /** The median pruner with Optuna's defaults. */
    public MedianPruner() {
        this(5, 0, 1, 1);
    }

    /** The median pruner with start-up trials and warm-up steps; one check per step, one reference trial. */
    public MedianPruner(int nStartupTrials, int nWarmupSteps) {
        this(nStartupTrials, nWarmupSteps, 1, 1);
    }

    /** The median pruner with every option given, in Optuna's order. */
    public MedianPruner(int nStartupTrials, int nWarmupSteps, int intervalSteps, int nMinTrials) {
        this.percentile = new PercentilePruner(50.0, nStartupTrials, nWarmupSteps, intervalSteps, nMinTrials);
    }

    public int nStartupTrials() {
        return percentile.nStartupTrials();
    }

    public int nWarmupSteps() {
        return percentile.nWarmupSteps();
    }

    public int intervalSteps() {
        return percentile.intervalSteps();
    }

    public int nMinTrials() {
        return percentile.nMinTrials();
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return percentile.prune(study, trial);
    }

    @Override
    public String toString() {
        return "MedianPruner(nStartupTrials=" + nStartupTrials() + ", nWarmupSteps=" + nWarmupSteps()
                + ", intervalSteps=" + intervalSteps() + ", nMinTrials=" + nMinTrials() + ")";
    }
}
