package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.List;

/**
 * Weights of ℓ(x)'s observations for one objective by how much each good trial improves on the worst of them: a
 * completed feasible trial of value y weighs {@code floor + (y_worst − y) / (y_worst − y_best)} over the below set,
 * so the best trial weighs {@code floor + 1} and the worst {@code floor}. Optuna gives every good trial the same
 * weight, so ℓ(x) spreads its candidates evenly over the γ best trials however far apart their values are; weighted
 * by improvement, more candidates fall near the best ones and a study refines the basin it has found sooner
 * (the single-objective counterpart of MOTPE's hypervolume contributions, {@link HypervolumeWeights}). The floor
 * keeps every good trial in the model. Pruned and infeasible trials, below only when too few trials completed
 * feasibly, weigh the floor. Measured in {@code hpo-bench/results/tpe-defaults.md}.
 */
public final class ImprovementWeights {

    private ImprovementWeights() {
    }

    /** One weight in [floor, floor + 1] per trial of {@code below} (same order). */
    public static double[] of(List<FrozenTrial> below, Direction direction, double floor) {
        int n = below.size();
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        double best = Double.POSITIVE_INFINITY;
        double worst = Double.NEGATIVE_INFINITY;
        for (FrozenTrial t : below) {
            double y = valued(t) ? sign * t.values().get(0) : Double.NaN;
            if (Double.isFinite(y)) {
                best = Math.min(best, y);
                worst = Math.max(worst, y);
            }
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            FrozenTrial t = below.get(i);
            weights[i] = floor + (valued(t) ? improvement(sign * t.values().get(0), best, worst) : 0);
        }
        return weights;
    }

    /** In [0, 1]; an infinite value (an objective may return one) is as good or as bad as it gets. */
    private static double improvement(double y, double best, double worst) {
        if (y == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        if (y == Double.POSITIVE_INFINITY) {
            return 0;
        }
        return worst > best ? (worst - y) / (worst - best) : 1;
    }

    private static boolean valued(FrozenTrial t) {
        return t.state() == TrialState.COMPLETE && t.isFeasible();
    }
}
