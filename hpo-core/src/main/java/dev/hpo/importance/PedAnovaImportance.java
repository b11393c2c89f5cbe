package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * PED-ANOVA (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter Importance in
 * Arbitrary Subspaces", IJCAI 2023): a parameter matters as much as the distribution of its values among the
 * top trials differs from its distribution among all trials. With {@code p_γ} the density of the trials whose
 * target is in the best {@code γ} quantile and {@code p_local} the density of all trials (both
 * {@link ScottParzenEstimator}s on a {@link ParamGrid}), the importance is the Pearson divergence
 * {@code Σ_x p_local(x) · (p_γ(x) / p_local(x) − 1)²}, scaled over the parameters to sum to 1.
 *
 * <p>No surrogate model: fast on any number of trials, and the default of {@link Importances} (as in Optuna 5).
 * With {@code evaluateOnLocal} false the reference is the uniform distribution over the search space instead
 * of the trials actually run. A custom target is treated as lower-is-better, as in Optuna. The top trials are
 * chosen by Optuna 4's rule (a baseline quantile, at least two trials); Optuna 5.0 chooses them by a target and a
 * region quantile with an inverted-CDF cut and weighs conditional parameters per regime, so its numbers on the same
 * trials differ slightly (ranks of close parameters may swap). The grid of each parameter is Optuna's.
 */
public final class PedAnovaImportance implements ImportanceEvaluator {

    private static final int STEPS = 50;
    private static final int MIN_TOP_TRIALS = 2;
    private static final double PRIOR_WEIGHT = 1.0;
    private static final double EPS = 1e-12;

    private final double baselineQuantile;
    private final boolean evaluateOnLocal;

    /** Optuna's defaults: the top 10% against the trials of the study. */
    public PedAnovaImportance() {
        this(0.1, true);
    }

    /**
     * @param baselineQuantile which share of the best trials counts as "top", in [0, 1] (at least two trials
     *        are always top)
     * @param evaluateOnLocal compare with the distribution of all trials (true) or with the uniform
     *        distribution over the search space (false)
     */
    public PedAnovaImportance(double baselineQuantile, boolean evaluateOnLocal) {
        if (!(baselineQuantile >= 0 && baselineQuantile <= 1)) {
            throw new IllegalArgumentException("baselineQuantile must be in [0, 1], got " + baselineQuantile);
        }
        this.baselineQuantile = baselineQuantile;
        this.evaluateOnLocal = evaluateOnLocal;
    }

    @Override
    public Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        ImportanceInput input = ImportanceInput.of(study, params, target);
        double[] scores = new double[input.varying().size()];
        if (scores.length == 0 || input.trials().size() < MIN_TOP_TRIALS) {
            return input.result(scores);  // too few trials to tell the parameters apart: equal shares, as Optuna
        }
        List<FrozenTrial> top = topTrials(input);
        for (int f = 0; f < scores.length; f++) {
            String name = input.varying().get(f);
            ParamGrid grid = ParamGrid.of(input.distributions().get(name), STEPS);
            double[] pTop = ScottParzenEstimator.fit(grid.counts(name, top), grid.categorical(), true, PRIOR_WEIGHT).pdf();
            double[] pLocal;
            if (evaluateOnLocal) {
                pLocal = ScottParzenEstimator.fit(grid.counts(name, input.trials()), grid.categorical(), true,
                        PRIOR_WEIGHT).pdf();
            } else {
                pLocal = new double[grid.size()];
                Arrays.fill(pLocal, 1.0 / grid.size());
            }
            scores[f] = pearsonDivergence(pTop, pLocal);
        }
        return input.result(scores);
    }

    /** Σ p_local · (p_top / p_local − 1)², with both densities kept away from 0. */
    static double pearsonDivergence(double[] pTop, double[] pLocal) {
        double d = 0;
        for (int k = 0; k < pTop.length; k++) {
            double local = pLocal[k] + EPS;
            double ratio = (pTop[k] + EPS) / local - 1;
            d += local * ratio * ratio;
        }
        return d;
    }

    /**
     * The trials whose loss (the target, negated when higher is better) is at most the cutoff: the larger of
     * the {@code baselineQuantile} quantile (the next higher observed loss) and the second best loss.
     */
    private List<FrozenTrial> topTrials(ImportanceInput input) {
        double sign = input.lowerIsBetter() ? 1 : -1;
        int n = input.targets().length;
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            loss[i] = sign * input.targets()[i];
        }
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        double quantile = sorted[(int) Math.ceil(baselineQuantile * (n - 1))];
        double cutoff = Math.max(sorted[MIN_TOP_TRIALS - 1], quantile);
        List<FrozenTrial> top = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (loss[i] <= cutoff) {
                top.add(input.trials().get(i));
            }
        }
        return top;
    }

    @Override
    public String toString() {
        return "PED-ANOVA(baselineQuantile=" + baselineQuantile + ", evaluateOnLocal=" + evaluateOnLocal + ")";
    }
}
