package dev.hpo.terminator;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.IntersectionSearchSpace;
import dev.hpo.sampler.UnitSpace;
import dev.hpo.sampler.gp.GpModel;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * How much the last trial changed what the study expects to be its best (Optuna's {@code EMMREvaluator}, the
 * "expected minimum model regret" of Ishibashi et al. 2023, "A stopping criterion for Bayesian optimization by the
 * gap of expected minimum simple regrets", AISTATS): the expected minimum simple regret is zero only once the optimum
 * is found, and its change from trial t − 1 to t is bounded by what Gaussian processes fitted before and after the
 * last trial say. When successive models hardly differ, further trials are unlikely to change the outcome. Pair it
 * with a {@link MedianErrorEvaluator} of its own kind (terminator {@code emmr}), as the paper does.
 *
 * <p>The bound of the paper's Theorem 1 and Algorithm 1, for a minimized target standardized over all completed
 * trials (in trial order, on the parameters every one of them has): with θ*ₜ and θ*ₜ₋₁ the best trials among the first
 * t and t − 1,
 * <ul>
 *   <li>the gap Δ = μₜ(θ*ₜ) − μₜ₋₁(θ*ₜ₋₁) between the two models' means at their incumbents, and
 *       v² = σₜ²(θ*ₜ) − 2 covₜ(θ*ₜ, θ*ₜ₋₁) + σₜ²(θ*ₜ₋₁), give the expected positive part of N(Δ, v²),
 *       v (a Φ(a) + φ(a)) with a = Δ / v;</li>
 *   <li>plus κₜ₋₁ √(½ KL), where κₜ₋₁ is the {@link RegretBoundEvaluator regret bound} of the first t − 1 trials at
 *       confidence δ and KL bounds the divergence the last observation yₜ at xₜ caused (the paper's equation 4, with
 *       the model of the first t − 1 trials under the last kernel and the noise variance λ⁻¹ at its floor).</li>
 * </ul>
 * Optuna 5.0 takes the divergence's variance at the last point from the process that already holds it, where it is
 * near the noise floor; hpo follows the paper (and Optuna 4), and models the targets without its sampler's output warp.
 * On the same trials its bound follows that form of Optuna's within a factor of about 2 early in a study and falls
 * more slowly later, its regret bound κ being larger ({@code hpo-bench/results/emmr-vs-optuna.md}).
 * Until {@code minTrials} trials have completed the bound is +∞: nothing stops.
 */
public final class EmmrEvaluator implements ImprovementEvaluator {

    static final int DEFAULT_MIN_TRIALS = 2;
    static final double DEFAULT_DELTA = 0.1;
    /** λ⁻¹ of equation 4: the noise variance, in standardized units, at the Gaussian process's floor. */
    private static final double NOISE_VARIANCE = 1e-6;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private final boolean deterministicObjective;
    private final double delta;
    private final int minTrials;
    private Fit last;

    /** Optuna's defaults: a noisy objective, δ = 0.1, from 2 completed trials. */
    public EmmrEvaluator() {
        this(false, DEFAULT_DELTA, DEFAULT_MIN_TRIALS);
    }

    /**
     * @param deterministicObjective the objective returns the same value for the same parameters, so the models'
     *        noise is held at its floor instead of fitted
     * @param delta the confidence of the regret bound κ, in (0, 1)
     * @param minTrials the fewest completed trials the bound is computed on, at least 2
     */
    public EmmrEvaluator(boolean deterministicObjective, double delta, int minTrials) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (minTrials < 2) {
            throw new IllegalArgumentException("minTrials must be at least 2, got " + minTrials);
        }
        this.deterministicObjective = deterministicObjective;
        this.delta = delta;
        this.minTrials = minTrials;
    }

    @Override
    public double evaluate(Study study) {
        if (study.directions().size() > 1) {
            throw new IllegalStateException("the expected minimum model regret needs a study with one objective; study "
                    + study.name() + " has " + study.directions().size());
        }
        Map<String, Distribution> searchSpace = UnitSpace.withoutSingles(IntersectionSearchSpace.of(study, false));
        if (searchSpace.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        UnitSpace space = new UnitSpace(searchSpace);
        List<FrozenTrial> complete = new ArrayList<>(study.trials(EnumSet.of(TrialState.COMPLETE)));
        complete.removeIf(t -> t.values() == null || Double.isNaN(t.value()) || space.toUnit(t) == null);
        complete.sort(Comparator.comparingInt(FrozenTrial::number));
        int t = complete.size();
        if (t < minTrials) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] x = new double[t][];
        double[] y = standardizedMinimized(complete, study.direction() == Direction.MAXIMIZE);
        for (int i = 0; i < t; i++) {
            x[i] = space.toUnit(complete.get(i));
        }
        double[][] xBefore = Arrays.copyOf(x, t - 1);
        double[] yBefore = Arrays.copyOf(y, t - 1);

        GpModel model = GpModel.unwarped(space);  // the divergence reads Gaussian observations as they are
        int[] numbers = complete.stream().mapToInt(FrozenTrial::number).toArray();
        GpModel.Hyperparameters before = reusableFit(numbers, searchSpace);
        if (before == null) {
            before = model.fit(xBefore, yBefore, null, RegretBoundEvaluator.FIT_ITERATIONS, deterministicObjective);
        }
        GpModel.Hyperparameters now = model.fit(x, y, before, RegretBoundEvaluator.FIT_ITERATIONS,
                deterministicObjective);
        remember(numbers, searchSpace, now);
        GpModel.Posterior posteriorNow = model.condition(x, y, List.of(), now);
        GpModel.Posterior posteriorBefore = model.condition(xBefore, yBefore, List.of(), before);
        // the model of the first t − 1 trials under the last kernel: the divergence compares models of one kernel
        GpModel.Posterior beforeUnderNow = model.condition(xBefore, yBefore, List.of(), now);

        double[] bestNow = x[argMin(y, t)];
        double[] bestBefore = x[argMin(y, t - 1)];
        double[] atBestNow = posteriorNow.predict(bestNow);
        double varianceAtBestBefore = posteriorNow.predict(bestBefore)[1];
        double covariance = posteriorNow.covariance(bestNow, bestBefore);
        double meanBefore = posteriorBefore.predict(bestBefore)[0];

        double gap = atBestNow[0] - meanBefore;
        double v = Math.sqrt(Math.max(1e-100, atBestNow[1] - 2 * covariance + varianceAtBestBefore));
        double a = gap / v;
        double expectedGap = v * (a * NORMAL.cumulativeProbability(a) + NORMAL.density(a));

        double[] atLast = beforeUnderNow.predict(x[t - 1]);
        double s2 = Math.max(0, atLast[1]);
        double residual = y[t - 1] - atLast[0];
        double kl = 0.5 * Math.log1p(s2 / NOISE_VARIANCE) - 0.5 * s2 / (s2 + NOISE_VARIANCE)
                + 0.5 * s2 * residual * residual / ((s2 + NOISE_VARIANCE) * (s2 + NOISE_VARIANCE));
        double kappa = RegretBoundEvaluator.bound(space, posteriorBefore, xBefore, delta);
        double value = expectedGap + kappa * Math.sqrt(0.5 * Math.max(0, kl));
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : Math.min(Double.MAX_VALUE, value);
    }

    /**
     * The last evaluation's fit when it was made on exactly the first t − 1 of these trials in the same space: a study
     * judged after every trial asks for that model again as its model before the last trial, so each trial costs one
     * fit instead of two. (The fit does not depend on how the targets were standardized: {@link GpModel} standardizes
     * them itself.)
     */
    private synchronized GpModel.Hyperparameters reusableFit(int[] numbers, Map<String, Distribution> space) {
        Fit fit = last;
        boolean same = fit != null && fit.space().equals(space)
                && Arrays.equals(fit.numbers(), Arrays.copyOf(numbers, numbers.length - 1));
        return same ? fit.hyperparameters() : null;
    }

    private synchronized void remember(int[] numbers, Map<String, Distribution> space,
            GpModel.Hyperparameters hyperparameters) {
        last = new Fit(numbers, Map.copyOf(space), hyperparameters);
    }

    /** A fit and the trials (by number, in order) and space it was made on. */
    private record Fit(int[] numbers, Map<String, Distribution> space, GpModel.Hyperparameters hyperparameters) {
    }

    /**
     * The values turned into a minimized target and standardized over all of them (population standard deviation, as
     * Optuna does); infinite ones are clamped to the finite extremes.
     */
    private static double[] standardizedMinimized(List<FrozenTrial> trials, boolean maximize) {
        int n = trials.size();
        double[] y = new double[n];
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            y[i] = maximize ? -trials.get(i).value() : trials.get(i).value();
            if (Double.isFinite(y[i])) {
                lo = Math.min(lo, y[i]);
                hi = Math.max(hi, y[i]);
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(lo, Math.min(hi, y[i]));
            mean += y[i];
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.max(Double.MIN_NORMAL, Math.sqrt(var / n));
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - mean) / sd;
        }
        return y;
    }

    /** The index of the smallest of the first {@code n} values; the first of equal ones. */
    private static int argMin(double[] y, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (y[i] < y[best]) {
                best = i;
            }
        }
        return best;
    }
}
