package dev.hpo.pruner;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Asynchronous successive halving (ASHA; Li et al. 2018, arXiv:1810.05934), as Optuna's
 * {@code SuccessiveHalvingPruner}. Rung k ends at step r·η^(s+k) (r = {@code minResource}, η =
 * {@code reductionFactor}, s = {@code minEarlyStoppingRate}). When a trial reaches the end of a rung it records
 * its value there, and goes on only if that value is in the best 1/η of all values recorded at that rung so far;
 * while fewer than η trials have reached the rung, it must be the best of them.
 *
 * <p>The bookkeeping is Optuna's: the value at rung k is the trial system attribute {@code completed_rung_<k>}, so
 * that several workers (and Optuna itself, on a shared journal) see the same rungs. {@link HyperbandPruner} runs
 * several of these, one per bracket.
 *
 * <p>Options: {@code minResource} ({@code auto}: the largest last step of the completed trials divided by 100, at
 * least 1, estimated once the first trial completes; no pruning before), {@code reductionFactor} (4),
 * {@code minEarlyStoppingRate} (0), {@code bootstrapCount} (0: how many trials must have completed a rung before
 * any is promoted from it; needs an explicit {@code minResource}).
 */
public final class SuccessiveHalvingPruner implements Pruner {

    /** Prefix of the trial system attribute holding the value at the end of a rung (Optuna's key). */
    public static final String COMPLETED_RUNG_PREFIX = "completed_rung_";

    private final Integer fixedMinResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    private volatile Integer estimatedMinResource;

    /** ASHA with Optuna's defaults: automatic minimum resource, reduction factor 4, no bootstrap. */
    public SuccessiveHalvingPruner() {
        this(builder());
    }

    private SuccessiveHalvingPruner(Builder b) {
        this(b.minResource, b.reductionFactor, b.minEarlyStoppingRate, b.bootstrapCount);
    }

    /** @param minResource the minimum resource, or {@code null} for {@code auto} */
    SuccessiveHalvingPruner(Integer minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
        if (minResource != null) {
            Checks.atLeast("minResource", minResource, 1);
        }
        this.fixedMinResource = minResource;
        this.reductionFactor = Checks.atLeast("reductionFactor", reductionFactor, 2);
        this.minEarlyStoppingRate = Checks.atLeast("minEarlyStoppingRate", minEarlyStoppingRate, 0);
        this.bootstrapCount = Checks.atLeast("bootstrapCount", bootstrapCount, 0);
        if (bootstrapCount > 0 && minResource == null) {
            throw new IllegalArgumentException("bootstrapCount " + bootstrapCount + " needs an explicit minResource,"
                    + " not auto (Optuna's rule: the first rungs would otherwise move as trials complete)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return prune(study, trial, study::trials);
    }

    /**
     * Judges a trial against the rung values of {@code references} (the whole study, or one Hyperband bracket),
     * fetched only when needed.
     */
    boolean prune(Study study, FrozenTrial trial, Supplier<List<FrozenTrial>> references) {
        int step = trial.lastStep();
        if (step < 0) {
            return false;
        }
        double value = trial.intermediateValues().get(step);
        // The trial object may predate attributes this pruner stored at earlier steps; the storage has them all.
        int rung = currentRung(study.storage().trial(trial.id()).systemAttrs());
        List<FrozenTrial> trials = null;
        while (true) {
            Integer r = fixedMinResource != null ? fixedMinResource : estimatedMinResource;
            if (r == null) {
                trials = trials != null ? trials : references.get();
                r = estimateMinResource(trials);
                if (r == null) {
                    return false;
                }
                estimatedMinResource = r;
            }
            if (step < rungEndStep(r, rung)) {
                return false;
            }
            if (Double.isNaN(value)) {
                return true;
            }
            trials = trials != null ? trials : references.get();
            String key = COMPLETED_RUNG_PREFIX + rung;
            study.storage().setTrialSystemAttr(trial.id(), key, value);
            List<Double> competing = rungValues(trials, key, trial.id());
            competing.add(value);
            if (competing.size() <= bootstrapCount || !isPromotable(value, competing, study.direction())) {
                return true;
            }
            rung++;
        }
    }

    /** The step at which rung {@code rung} ends: r·η^(s+rung), saturating instead of overflowing. */
    private long rungEndStep(int minResource, int rung) {
        double end = minResource * Math.pow(reductionFactor, minEarlyStoppingRate + rung);
        return end >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) end;
    }

    private static int currentRung(Map<String, Object> systemAttrs) {
        int rung = 0;
        while (systemAttrs.containsKey(COMPLETED_RUNG_PREFIX + rung)) {
            rung++;
        }
        return rung;
    }

    private static Integer estimateMinResource(List<FrozenTrial> trials) {
        int lastStep = -1;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                lastStep = Math.max(lastStep, t.lastStep());
            }
        }
        return lastStep < 0 ? null : Math.max(lastStep / 100, 1);
    }

    private static List<Double> rungValues(List<FrozenTrial> trials, String key, long exceptTrialId) {
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.id() != exceptTrialId && t.systemAttrs().get(key) instanceof Number n) {
                values.add(n.doubleValue());
            }
        }
        return values;
    }

    /**
     * True when {@code value} is within the best ⌊n/η⌋ of the n competing values (which include it), or the best
     * one while n &lt; η: asynchronous SHA cannot wait for a rung to fill, so early arrivals must lead it.
     */
    private boolean isPromotable(double value, List<Double> competing, Direction direction) {
        int promotable = Math.max(competing.size() / reductionFactor - 1, 0);
        Collections.sort(competing);
        return direction == Direction.MAXIMIZE ? value >= competing.get(competing.size() - 1 - promotable)
                : value <= competing.get(promotable);
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingPruner(minResource=" + (fixedMinResource == null ? "auto" : fixedMinResource)
                + ", reductionFactor=" + reductionFactor + ", minEarlyStoppingRate=" + minEarlyStoppingRate
                + ", bootstrapCount=" + bootstrapCount + ")";
    }

    /** Options of a {@link SuccessiveHalvingPruner}, with Optuna's defaults. */
    public static final class Builder {
        private Integer minResource;
        private int reductionFactor = 4;
        private int minEarlyStoppingRate;
        private int bootstrapCount;

        private Builder() {
        }

        /** The steps of the first rung, r (at least 1). */
        public Builder minResource(int minResource) {
            this.minResource = Checks.atLeast("minResource", minResource, 1);
            return this;
        }

        /** Estimate r from the first completed trial (the default). */
        public Builder minResourceAuto() {
            this.minResource = null;
            return this;
        }

        /** η, at least 2: about 1/η of the trials reaching a rung go on to the next. */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = reductionFactor;
            return this;
        }

        /** s, at least 0: the first rung ends at r·η^s. */
        public Builder minEarlyStoppingRate(int minEarlyStoppingRate) {
            this.minEarlyStoppingRate = minEarlyStoppingRate;
            return this;
        }

        /** Trials that must complete a rung before any trial is promoted from it, at least 0. */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = bootstrapCount;
            return this;
        }

        public SuccessiveHalvingPruner build() {
            return new SuccessiveHalvingPruner(this);
        }
    }
}
