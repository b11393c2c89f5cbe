package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.multi.Hypervolume;
import java.util.ArrayList;
import java.util.List;

/**
 * MOTPE's weights for the observations of ℓ(x) (Ozaki et al. 2022, as Optuna's TPESampler computes them): a
 * below trial weighs its hypervolume contribution — how much dominated volume the below set loses without it —
 * divided by the largest contribution, so that ℓ(x) concentrates on the points that make the front wide rather
 * than on a crowd of near-duplicates. Trials behind the front of the below set, and duplicates, contribute
 * nothing and get a tiny weight; infeasible below trials (only below when too few trials are feasible) too.
 */
public final class HypervolumeWeights {

    private HypervolumeWeights() {
    }

    /** One weight in (0, 1] per trial of {@code below} (completed trials, same order). */
    public static double[] of(List<FrozenTrial> below, List<Direction> directions) {
        int n = below.size();
        double[] weights = new double[n];
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ok = below.get(i).isFeasible();
            weights[i] = ok ? 1 : NondominatedSplit.EPS;
            if (ok) {
                feasible.add(i);
            }
        }
        if (feasible.size() <= 1) {
            return weights;
        }
        double[][] losses = new double[feasible.size()][];
        for (int k = 0; k < losses.length; k++) {
            losses[k] = losses(below.get(feasible.get(k)), directions);
        }
        double[] reference = NondominatedSplit.referencePoint(losses);
        int[] onFront = NondominatedSplit.fronts(losses, 1).get(0);
        double[][] front = new double[onFront.length][];
        for (int k = 0; k < onFront.length; k++) {
            front[k] = losses[onFront[k]];
        }
        double volume = Hypervolume.of(front, reference);
        if (!Double.isFinite(volume)) {
            return weights;
        }
        double[] contribution = new double[losses.length];
        double largest = 0;
        for (int k = 0; k < onFront.length; k++) {
            double[][] without = new double[front.length - 1][];
            for (int j = 0, at = 0; j < front.length; j++) {
                if (j != k) {
                    without[at++] = front[j];
                }
            }
            contribution[onFront[k]] = volume - Hypervolume.of(without, reference);
            largest = Math.max(largest, contribution[onFront[k]]);
        }
        double scale = Math.max(largest, NondominatedSplit.EPS);
        for (int k = 0; k < losses.length; k++) {
            weights[feasible.get(k)] = Math.max(contribution[k] / scale, NondominatedSplit.EPS);
        }
        return weights;
    }

    /** A trial's objective values with every objective turned into one to minimize. */
    static double[] losses(FrozenTrial t, List<Direction> directions) {
        double[] out = new double[directions.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = directions.get(k).toMinimized(t.values().get(k));
        }
        return out;
    }
}
