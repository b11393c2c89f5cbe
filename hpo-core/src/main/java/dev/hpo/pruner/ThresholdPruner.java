package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;

/**
 * Prunes a trial whose latest intermediate value leaves a fixed range (Optuna's {@code ThresholdPruner}): below
 * {@code lower}, above {@code upper}, or NaN. It does not compare trials, so it works from the first trial on; use
 * it to stop diverging runs (a loss above 10, an accuracy below chance). The direction of the study plays no role.
 *
 * <p>Options: at least one of {@code lower} and {@code upper}; {@code nWarmupSteps} (0) and
 * {@code intervalSteps} (1) with the meaning they have for {@link PercentilePruner}.
 */
public final class ThresholdPruner implements Pruner {

    private final double lower;
    private final double upper;
    private final StepSchedule schedule;

    /** Prunes values below {@code lower}. */
    public static ThresholdPruner lower(double lower) {
        return builder().lower(lower).build();
    }

    /** Prunes values above {@code upper}. */
    public static ThresholdPruner upper(double upper) {
        return builder().upper(upper).build();
    }

    /** Prunes values outside {@code [lower, upper]}. */
    public static ThresholdPruner between(double lower, double upper) {
        return builder().lower(lower).upper(upper).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private ThresholdPruner(Builder b) {
        if (b.lower == null && b.upper == null) {
            throw new IllegalArgumentException("ThresholdPruner needs a lower or an upper bound (or both), got neither");
        }
        this.lower = b.lower == null ? Double.NEGATIVE_INFINITY : b.lower;
        this.upper = b.upper == null ? Double.POSITIVE_INFINITY : b.upper;
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper + "; swap the bounds");
        }
        this.schedule = new StepSchedule(b.nWarmupSteps, b.intervalSteps);
    }

    public double lowerBound() {
        return lower;
    }

    public double upperBound() {
        return upper;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        if (!schedule.isCheckStep(trial)) {
            return false;
        }
        double latest = trial.lastIntermediateValue();
        return Double.isNaN(latest) || latest < lower || latest > upper;
    }

    @Override
    public String toString() {
        return "ThresholdPruner(lower=" + lower + ", upper=" + upper + ", nWarmupSteps=" + schedule.nWarmupSteps()
                + ", intervalSteps=" + schedule.intervalSteps() + ")";
    }

    /** Options of a {@link ThresholdPruner}. */
    public static final class Builder {
        private Double lower;
        private Double upper;
        private int nWarmupSteps;
        private int intervalSteps = 1;

        private Builder() {
        }

        /** Values below this are pruned; a number, not NaN. */
        public Builder lower(double lower) {
            this.lower = bound("lower", lower);
            return this;
        }

        /** Values above this are pruned; a number, not NaN. */
        public Builder upper(double upper) {
            this.upper = bound("upper", upper);
            return this;
        }

        /** No pruning before this step (at least 0). */
        public Builder nWarmupSteps(int nWarmupSteps) {
            this.nWarmupSteps = nWarmupSteps;
            return this;
        }

        /** Judge once per this many steps after the warm-up (at least 1). */
        public Builder intervalSteps(int intervalSteps) {
            this.intervalSteps = intervalSteps;
            return this;
        }

        public ThresholdPruner build() {
            return new ThresholdPruner(this);
        }

        private static double bound(String name, double value) {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException(name + " must be a number, got NaN");
            }
            return value;
        }
    }
}
