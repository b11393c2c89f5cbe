package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import java.util.SortedMap;

/**
 * When a step-based pruner may judge a trial: not before {@code nWarmupSteps}, and then once per interval of
 * {@code intervalSteps} steps counted from the end of the warm-up (Optuna's {@code n_warmup_steps} and
 * {@code interval_steps}). A check whose step was not reported is postponed to the first report after it.
 * Shared by {@link PercentilePruner}, {@link MedianPruner} and {@link ThresholdPruner}.
 */
record StepSchedule(int nWarmupSteps, int intervalSteps) {

    StepSchedule {
        Checks.atLeast("nWarmupSteps", nWarmupSteps, 0);
        Checks.atLeast("intervalSteps", intervalSteps, 1);
    }

    /** True when the trial's last reported step is a pruning check. */
    boolean isCheckStep(FrozenTrial trial) {
        int step = trial.lastStep();
        if (step < 0 || step < nWarmupSteps) {
            return false;
        }
        return isFirstReportInInterval(step, trial.intermediateValues());
    }

    /**
     * True when no step reported before {@code step} lies at or after the latest check point at or below it, so
     * that each interval is judged once, at its first report. {@code step} is the last reported step, so the one
     * before it is the last key below it: O(log steps), where a pass over the steps made every check O(steps).
     */
    private boolean isFirstReportInInterval(int step, SortedMap<Integer, Double> reported) {
        int latestCheckPoint = (step - nWarmupSteps) / intervalSteps * intervalSteps + nWarmupSteps;
        SortedMap<Integer, Double> before = reported.headMap(step);
        int previous = before.isEmpty() ? -1 : Math.max(-1, before.lastKey());
        return previous < latestCheckPoint;
    }
}
