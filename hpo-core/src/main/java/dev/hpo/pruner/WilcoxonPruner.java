package dev.hpo.pruner;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Prunes a trial once a Wilcoxon signed-rank test says, at level {@code pThreshold}, that it is worse than the
 * study's best trial (Optuna's {@code WilcoxonPruner}).
 *
 * <p>It is made for objectives that aggregate many independent evaluations: the folds of a cross-validation, a
 * heuristic run on a set of problem instances, a model scored on a set of questions. Each step is one instance: the
 * objective reports each instance's score with its instance number as the step ({@code trial.report(instance,
 * score)}), in any order, and the test pairs the trial's scores with the best trial's on the same instances, so that
 * easy and hard instances cancel out. Unlike the other pruners', the reported values need not approach the final
 * value. Evaluate the instances in a shuffled order in each trial, so that the study does not fit the first ones.
 *
 * <p>Never pruned: a trial that has fewer than {@code nStartupSteps} instances in common with the best trial; one
 * whose mean score so far is at least as good as the best trial's mean over its instances (it may become the best
 * trial, which then has to have reported every instance); a trial or best trial with an infinite or NaN score;
 * and any trial while the study has no completed trial with reported scores. A pruned trial's last reported score
 * is a single instance's, not an estimate of its objective; an objective that would rather record one can return
 * the mean of its scores so far when {@link dev.hpo.Trial#shouldPrune()} is true, instead of throwing
 * {@link dev.hpo.TrialPruned}.
 *
 * <p>The test is repeated as the instances come in, so the chance of pruning a trial that is not worse is larger
 * than {@code pThreshold}; a smaller threshold (a Pocock-style correction) restores a nominal level.
 */
public final class WilcoxonPruner implements Pruner {

    private final double pThreshold;
    private final int nStartupSteps;

    /** With Optuna's defaults: p-value threshold 0.1, 2 start-up steps. */
    public WilcoxonPruner() {
        this(0.1, 2);
    }

    /**
     * @param pThreshold prune when the one-sided p-value is below this, between 0 and 1; larger prunes sooner
     * @param nStartupSteps instances in common with the best trial before any pruning, at least 0 (a test on two
     *     instances or fewer never gives a p-value below 0.25 anyway)
     */
    public WilcoxonPruner(double pThreshold, int nStartupSteps) {
        this.pThreshold = Checks.between("pThreshold", pThreshold, 0.0, 1.0);
        this.nStartupSteps = Checks.atLeast("nStartupSteps", nStartupSteps, 0);
    }

    public double pThreshold() {
        return pThreshold;
    }

    public int nStartupSteps() {
        return nStartupSteps;
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        SortedMap<Integer, Double> scores = trial.intermediateValues();
        if (scores.isEmpty() || !allFinite(scores)) {
            return false;
        }
        List<FrozenTrial> bests = study.bestTrials();
        if (bests.isEmpty()) {
            return false;
        }
        FrozenTrial best = bests.get(0);
        if (best.intermediateValues().isEmpty() || !allFinite(best.intermediateValues())) {
            return false;
        }
        SortedMap<Integer, Double> bestScores = best.intermediateValues();
        double[] differences = new double[scores.size()];
        int n = 0;
        for (Map.Entry<Integer, Double> e : scores.entrySet()) {
            Double other = bestScores.get(e.getKey());
            if (other != null) {
                differences[n++] = e.getValue() - other;
            }
        }
        if (n < nStartupSteps || n == 0) {
            return false;
        }
        Direction direction = study.direction();
        if (!direction.isBetter(mean(bestScores), mean(scores))) {
            return false;
        }
        double[] paired = Arrays.copyOf(differences, n);
        double p = direction == Direction.MINIMIZE ? SignedRankTest.pGreater(paired) : SignedRankTest.pLess(paired);
        return p < pThreshold;
    }

    private static boolean allFinite(SortedMap<Integer, Double> values) {
        for (double v : values.values()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double mean(SortedMap<Integer, Double> values) {
        double sum = 0;
        for (double v : values.values()) {
            sum += v;
        }
        return sum / values.size();
    }

    @Override
    public String toString() {
        return "WilcoxonPruner(pThreshold=" + pThreshold + ", nStartupSteps=" + nStartupSteps + ")";
    }
}
