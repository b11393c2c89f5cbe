package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.multi.ConstrainedDominance;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * TPE's division of the finished trials into the γ best ("below", modelled by ℓ(x)) and the rest ("above",
 * modelled by g(x)), as Optuna does it. The below places are filled in this order:
 * <ol>
 *   <li>feasible completed trials — with one objective by value (ties: the earlier trial); with several by
 *       non-domination front, the last front that does not fit whole thinned by hypervolume subset selection
 *       (MOTPE, see {@link NondominatedSplit});</li>
 *   <li>feasible pruned trials, deeper ones first and by their last intermediate value (one objective only:
 *       several objectives cannot report intermediate values, so their pruned trials are left out entirely);</li>
 *   <li>infeasible trials (a constraint above 0), by total violation — so an infeasible trial is below only
 *       when there are too few feasible ones (Optuna's {@code constraints_func} behaviour).</li>
 * </ol>
 * Running trials (constant liar) are always above. Both lists come back in trial-number order, which is the order
 * the weights ramp over.
 *
 * @param below the good trials
 * @param above the others
 */
public record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    /** The single-objective split; see {@link #of(List, int, List)}. */
    public static TrialSplit of(List<FrozenTrial> trials, int nBelow, Direction direction) {
        return of(trials, nBelow, List.of(direction));
    }

    /**
     * Splits {@code trials} (COMPLETE, PRUNED and, for the constant liar, RUNNING ones, in trial-number order) with
     * {@code nBelow} trials below, for a study with the given directions.
     */
    public static TrialSplit of(List<FrozenTrial> trials, int nBelow, List<Direction> directions) {
        boolean multi = directions.size() > 1;
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> infeasible = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE || (t.state() == TrialState.PRUNED && !multi)) {
                if (!t.isFeasible()) {
                    infeasible.add(t);
                } else {
                    (t.state() == TrialState.COMPLETE ? complete : pruned).add(t);
                }
            }
        }
        // the below trials by number (numbers are unique in a study): a bit per trial instead of a hash set
        BitSet below = new BitSet();
        int left = Math.max(0, nBelow);
        int size = mark(below,
                multi ? bestByFront(complete, left, directions) : bestByValue(complete, left, directions.get(0)));
        left = Math.max(0, nBelow - size);
        if (left > 0 && !pruned.isEmpty()) {
            pruned.sort(prunedOrder(directions.get(0)));
            size += mark(below, pruned.subList(0, Math.min(left, pruned.size())));
        }
        left = Math.max(0, nBelow - size);
        if (left > 0 && !infeasible.isEmpty()) {
            infeasible.sort(Comparator.comparingDouble(ConstrainedDominance::violation));
            size += mark(below, infeasible.subList(0, Math.min(left, infeasible.size())));
        }
        List<FrozenTrial> belowList = new ArrayList<>(size);
        List<FrozenTrial> above = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            if (below.get(t.number())) {
                belowList.add(t);
            } else if (!(multi && t.state() == TrialState.PRUNED)) {
                above.add(t);
            }
        }
        return new TrialSplit(belowList, above);
    }

    /** Sets the bits of the trials' numbers; returns how many trials there are. */
    private static int mark(BitSet bits, List<FrozenTrial> trials) {
        for (FrozenTrial t : trials) {
            bits.set(t.number());
        }
        return trials.size();
    }

    /** The {@code n} best completed trials by value; of equal values the earlier trial, as in a stable sort. */
    private static List<FrozenTrial> bestByValue(List<FrozenTrial> complete, int n, Direction direction) {
        int size = complete.size();
        int take = Math.min(n, size);
        if (take == 0) {
            return List.of();
        }
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        double[] keys = new double[size];
        for (int i = 0; i < size; i++) {
            keys[i] = sign * complete.get(i).values().get(0);
        }
        double threshold = smallest(keys, size, take);
        int tiesAllowed = take;
        for (double k : keys) {
            if (k < threshold) {
                tiesAllowed--;
            }
        }
        List<FrozenTrial> out = new ArrayList<>(take);
        for (int i = 0; i < size; i++) {
            if (keys[i] < threshold || (keys[i] == threshold && tiesAllowed-- > 0)) {
                out.add(complete.get(i));
            }
        }
        return out;
    }

    /** The {@code n} best completed trials of several objectives by front, then by hypervolume contribution. */
    private static List<FrozenTrial> bestByFront(List<FrozenTrial> complete, int n, List<Direction> directions) {
        double[][] losses = new double[complete.size()][];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = HypervolumeWeights.losses(complete.get(i), directions);
        }
        boolean[] below = NondominatedSplit.below(losses, n);
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < below.length; i++) {
            if (below[i]) {
                out.add(complete.get(i));
            }
        }
        return out;
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
