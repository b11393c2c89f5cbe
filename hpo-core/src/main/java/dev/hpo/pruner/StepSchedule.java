package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import java.util.Set;

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
        return isFirstReportInInterval(step, trial.intermediateValues().keySet());
    }

    /**
     * True when no step reported before {@code step} lies at or after the latest check point at or below it, so
     * that each interval is judged once, at its first report.
     */
    private boolean isFirstReportInInterval(int step, Set<Integer> reportedSteps) {
        int latestCheckPoint = (step - nWarmupSteps) / intervalSteps * intervalSteps + nWarmupSteps;
        int previous = -1;
        for (int s : reportedSteps) {
            if (s != step && s > previous) {
                previous = s;
            }
        }
        return previous < latestCheckPoint;
    }
}
