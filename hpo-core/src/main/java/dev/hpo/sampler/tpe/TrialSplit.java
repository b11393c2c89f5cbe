package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TPE's division of the finished trials into the γ best ("below", modelled by ℓ(x)) and the rest ("above",
 * modelled by g(x)), as Optuna does it: completed trials first, by value (ties: the earlier trial); then pruned
 * trials, deeper ones first and by their last intermediate value; running trials (constant liar) always above.
 * Both lists come back in trial-number order, which is the order the weights ramp over.
 *
 * @param below the good trials
 * @param above the others
 */
public record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    /**
     * Splits {@code trials} (COMPLETE, PRUNED and, for the constant liar, RUNNING ones, in trial-number order) with
     * {@code nBelow} trials below.
     */
    public static TrialSplit of(List<FrozenTrial> trials, int nBelow, Direction direction) {
        int n = trials.size();
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        double[] completeKeys = new double[n];
        int complete = 0;
        List<FrozenTrial> pruned = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                completeKeys[complete++] = sign * t.values().get(0);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            }
        }
        int nComplete = Math.min(Math.max(0, nBelow), complete);
        // the nComplete-th smallest key; earlier trials win ties, as in a stable sort
        double threshold = Double.NEGATIVE_INFINITY;
        if (nComplete > 0) {
            threshold = smallest(completeKeys, complete, nComplete);
        }
        int strictlyBetter = 0;
        for (int i = 0; i < complete; i++) {
            if (completeKeys[i] < threshold) {
                strictlyBetter++;
            }
        }
        int tiesAllowed = nComplete - strictlyBetter;
        pruned.sort(prunedOrder(direction));
        int nPruned = Math.min(Math.max(0, nBelow - nComplete), pruned.size());
        List<FrozenTrial> prunedBelow = pruned.subList(0, nPruned);
        List<FrozenTrial> below = new ArrayList<>(nBelow);
        List<FrozenTrial> above = new ArrayList<>(n);
        int c = 0;
        for (FrozenTrial t : trials) {
            boolean isBelow;
            if (t.state() == TrialState.COMPLETE) {
                double key = completeKeys[c++];
                isBelow = nComplete > 0 && (key < threshold || (key == threshold && tiesAllowed-- > 0));
            } else if (t.state() == TrialState.PRUNED) {
                isBelow = prunedBelow.contains(t);
            } else {
                isBelow = false;
            }
            (isBelow ? below : above).add(t);
        }
        return new TrialSplit(below, above);
    }

    /** The r-th smallest of keys[0..n) (1-based), keeping only the r smallest seen so far in a sorted buffer. */
    static double smallest(double[] keys, int n, int r) {
        double[] best = new double[r];
        int size = 0;
        for (int i = 0; i < n; i++) {
            double v = keys[i];
            if (size == r && !(v < best[r - 1])) {
                continue;
            }
            int at = size == r ? r - 1 : size++;
            while (at > 0 && best[at - 1] > v) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = v;
        }
        return best[r - 1];
    }

    /**
     * Pruned trials from most to least promising: a trial that got further (a larger last step) first, then by its
     * last intermediate value in the study's direction (NaN last); trials that reported nothing come last.
     */
    static Comparator<FrozenTrial> prunedOrder(Direction direction) {
        return Comparator.<FrozenTrial>comparingInt(t -> t.intermediateValues().isEmpty() ? 1 : -t.lastStep())
                .thenComparingDouble(t -> {
                    Double v = t.lastIntermediateValue();
                    if (v == null) {
                        return 0.0;
                    }
                    if (Double.isNaN(v)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    return direction == Direction.MINIMIZE ? v : -v;
                });
    }
}
