package dev.hpo.pruner;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

/**
 * Prunes a trial whose best intermediate value so far is worse than the given percentile of the values that
 * completed trials reported at the same step (Optuna's {@code PercentilePruner}). With percentile 25 only trials
 * in the best quarter at their step go on; {@link MedianPruner} is the 50th percentile.
 *
 * <p>Options, with Optuna's defaults and meaning:
 * <ul>
 *   <li>{@code percentile} in [0, 100]: the share of trials that is kept (the best {@code percentile}%);</li>
 *   <li>{@code nStartupTrials} (5): no pruning until this many trials are COMPLETE;</li>
 *   <li>{@code nWarmupSteps} (0): no pruning before this step of the trial;</li>
 *   <li>{@code intervalSteps} (1): judge once per this many steps after the warm-up;</li>
 *   <li>{@code nMinTrials} (1): no pruning at a step that fewer completed trials reported.</li>
 * </ul>
 * A trial whose intermediate values are all NaN is pruned. Pruned and failed trials never count as references.
 */
public final class PercentilePruner implements Pruner {

    private static final EnumSet<TrialState> COMPLETE = EnumSet.of(TrialState.COMPLETE);

    private final double percentile;
    private final int nStartupTrials;
    private final StepSchedule schedule;
    private final int nMinTrials;

    /** A pruner keeping the best {@code percentile}% with Optuna's default options. */
    public PercentilePruner(double percentile) {
        this(percentile, 5, 0, 1, 1);
    }

    /** A pruner with every option given, in Optuna's order. */
    public PercentilePruner(double percentile, int nStartupTrials, int nWarmupSteps, int intervalSteps,
            int nMinTrials) {
        this.percentile = Checks.between("percentile", percentile, 0, 100);
        this.nStartupTrials = Checks.atLeast("nStartupTrials", nStartupTrials, 0);
        this.schedule = new StepSchedule(nWarmupSteps, intervalSteps);
        this.nMinTrials = Checks.atLeast("nMinTrials", nMinTrials, 1);
    }

    public double percentile() {
        return percentile;
    }

    public int nStartupTrials() {
        return nStartupTrials;
    }

    public int nWarmupSteps() {
        return schedule.nWarmupSteps();
    }

    public int intervalSteps() {
        return schedule.intervalSteps();
    }

    public int nMinTrials() {
        return nMinTrials;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        List<FrozenTrial> completed = study.trials(COMPLETE);
        if (completed.isEmpty() || completed.size() < nStartupTrials || !schedule.isCheckStep(trial)) {
            return false;
        }
        Direction direction = study.direction();
        double best = IntermediateValues.best(trial.intermediateValues().values(), direction);
        if (Double.isNaN(best)) {
            return true;
        }
        int step = trial.lastStep();
        double[] atStep = completed.stream()
                .map(t -> t.intermediateValues().get(step))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .toArray();
        if (atStep.length < nMinTrials) {
            return false;
        }
        // The best p% of a maximized quantity lie above its (100 - p)th percentile.
        double q = direction == Direction.MAXIMIZE ? 100 - percentile : percentile;
        double reference = nanPercentile(atStep, q);
        if (Double.isNaN(reference)) {
            return false;
        }
        return direction.isBetter(reference, best);
    }

    /**
     * The q-th percentile (0..100) of the non-NaN values with linear interpolation between order statistics
     * (numpy's default, which Optuna uses; commons-math3's {@code Percentile} refuses q = 0). NaN when every
     * value is NaN.
     */
    static double nanPercentile(double[] values, double q) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double position = q / 100.0 * (v.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, v.length - 1);
        double fraction = position - lower;
        return v[lower] + fraction * (v[upper] - v[lower]);
    }

    @Override
    public String toString() {
        return "PercentilePruner(percentile=" + percentile + ", nStartupTrials=" + nStartupTrials + ", nWarmupSteps="
                + schedule.nWarmupSteps() + ", intervalSteps=" + schedule.intervalSteps() + ", nMinTrials="
                + nMinTrials + ")";
    }
}
