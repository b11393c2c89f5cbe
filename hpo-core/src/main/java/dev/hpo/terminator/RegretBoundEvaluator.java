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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * An upper bound on the regret still possible (Optuna's {@code RegretBoundEvaluator}, after Makarova et al. 2022,
 * "Automatic Termination for Hyperparameter Optimization"): a Gaussian process is fitted to the better trials, and
 * the bound is the smallest upper confidence bound at a tried point minus the smallest lower confidence bound anywhere
 * in the space. When it falls below the objective's own error, further trials are unlikely to find a better value
 * that can be told from noise.
 *
 * <p>As in Optuna: the better half of the completed trials (at least {@value #DEFAULT_MIN_TRIALS}) are modelled, on the
 * parameters every completed trial has; the confidence width is √β with β = 2 log(d t² π² / (6 δ)) / 5 for d
 * parameters, t modelled trials and δ = 0.1 (Srinivas et al.'s GP-UCB schedule, scaled down as the paper does). The
 * smallest lower bound is searched on Sobol points of the unit cube, its corners (up to ten parameters), the modelled
 * points, and a local search around the best of them; the search is seeded, so the bound is the same for the same
 * trials. The corners matter: far from every trial, where the posterior's spread is widest, the lowest bound often
 * lies at one, and without them EMMR's κ on seed 1 of {@code emmr-trials.json} after 45 trials was 0.04 of what
 * 100,000 uniform points find ({@code hpo-bench/results/emmr-vs-optuna.md}). The process
 * models the values as they are, without the output warp of hpo's GP sampler: through the warp's inverse the spread
 * far from the good trials grows, and the bound with it (a median terminator then stopped a two-parameter bowl after
 * about 120 trials where Optuna runs past 200; {@code hpo-bench/results/emmr-vs-optuna.md}).
 */
public final class RegretBoundEvaluator implements ImprovementEvaluator {

    static final int DEFAULT_MIN_TRIALS = 20;
    private static final double TOP_TRIALS_RATIO = 0.5;
    private static final double DELTA = 0.1;
    /** Iterations of the hyperparameters' fit. */
    static final int FIT_ITERATIONS = 60;
    private static final int SOBOL_POINTS = 1024;
    private static final int LOCAL_STARTS = 5;
    private static final int LOCAL_STEPS = 60;
    /** Up to this many parameters the cube's 2^d corners are candidates too. */
    private static final int MAX_CORNER_DIMENSION = 10;

    private final int minTrials;

    public RegretBoundEvaluator() {
        this(DEFAULT_MIN_TRIALS);
    }

    /** @param minTrials the fewest trials the model uses, when there are that many, at least 2 */
    public RegretBoundEvaluator(int minTrials) {
        if (minTrials < 2) {
            throw new IllegalArgumentException("minTrials must be at least 2, got " + minTrials);
        }
        this.minTrials = minTrials;
    }

    @Override
    public double evaluate(Study study) {
        if (study.directions().size() > 1) {
            throw new IllegalStateException("the regret bound needs a study with one objective; study " + study.name()
                    + " has " + study.directions().size());
        }
        Map<String, Distribution> searchSpace = UnitSpace.withoutSingles(IntersectionSearchSpace.of(study, false));
        if (searchSpace.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        UnitSpace space = new UnitSpace(searchSpace);
        boolean maximize = study.direction() == Direction.MAXIMIZE;
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<FrozenTrial> complete = new ArrayList<>(study.trials(EnumSet.of(TrialState.COMPLETE)));
        complete.removeIf(t -> !Double.isFinite(t.value()) || space.toUnit(t) == null);
        complete.sort(Comparator.comparingDouble(t -> maximize ? -t.value() : t.value()));
        int used = modelledTrials(complete.size(), minTrials);
        if (used < 2) {
            return Double.POSITIVE_INFINITY;
        }
        for (FrozenTrial t : complete.subList(0, used)) {
            xs.add(space.toUnit(t));
            ys.add(maximize ? -t.value() : t.value());
        }
        double[][] x = xs.toArray(double[][]::new);
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        GpModel model = GpModel.unwarped(space);
        GpModel.Posterior posterior = model.condition(x, y, List.of(), model.fit(x, y, null, FIT_ITERATIONS));
        return bound(space, posterior, x, DELTA);
    }

    /**
     * How many of {@code completed} trials the model takes: half, rounded down as Optuna's {@code int(n * 0.5)} (41
     * trials: 20; rounded up, hpo took 21), at least {@code minTrials} and at most all.
     */
    static int modelledTrials(int completed, int minTrials) {
        return Math.min(completed, Math.max(minTrials, (int) Math.floor(TOP_TRIALS_RATIO * completed)));
    }

    /** β = 2 log(d t² π² / (6 δ)) / 5 for d parameters and t modelled points. */
    static double beta(int d, int t, double delta) {
        return 2 * Math.log(d * (double) t * t * Math.PI * Math.PI / (6 * delta)) / 5;
    }

    /**
     * The bound for a posterior conditioned on the points {@code x} of a minimized target: the smallest upper
     * confidence bound at those points minus the smallest lower confidence bound anywhere, with confidence δ
     * (the width's β as above, t = the number of points). {@link EmmrEvaluator} uses it on the trials before the last.
     */
    static double bound(UnitSpace space, GpModel.Posterior posterior, double[][] x, double delta) {
        int d = space.dimension();
        double width = Math.sqrt(Math.max(0, beta(d, x.length, delta)));
        double upper = Double.POSITIVE_INFINITY;
        for (double[] p : x) {
            upper = Math.min(upper, bound(posterior, p, width));
        }
        double lower = smallestLowerBound(space, posterior, x, width);
        return Math.max(0, upper - lower);
    }

    /** μ(x) + w σ(x), in the minimized objective's units. */
    private static double bound(GpModel.Posterior posterior, double[] p, double width) {
        double[] meanVar = posterior.predict(p);
        return meanVar[0] + width * Math.sqrt(Math.max(0, meanVar[1]));
    }

    private static double lowerBound(GpModel.Posterior posterior, double[] p, double width) {
        double[] meanVar = posterior.predict(p);
        return meanVar[0] - width * Math.sqrt(Math.max(0, meanVar[1]));
    }

    private static double smallestLowerBound(UnitSpace space, GpModel.Posterior posterior, double[][] observed,
            double width) {
        int d = space.dimension();
        List<double[]> candidates = new ArrayList<>(List.of(observed));
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        for (int i = 0; i < SOBOL_POINTS; i++) {
            candidates.add(snap(space, sobol.nextVector()));
        }
        if (d <= MAX_CORNER_DIMENSION) {
            for (int mask = 0; mask < 1 << d; mask++) {
                double[] corner = new double[d];
                for (int i = 0; i < d; i++) {
                    corner[i] = (mask >> i) & 1;
                }
                candidates.add(snap(space, corner));
            }
        }
        candidates.sort(Comparator.comparingDouble(p -> lowerBound(posterior, p, width)));
        double best = lowerBound(posterior, candidates.get(0), width);
        SplittableRandom random = new SplittableRandom(0x7E5A11L);
        for (double[] start : candidates.subList(0, Math.min(LOCAL_STARTS, candidates.size()))) {
            double[] at = start.clone();
            double value = lowerBound(posterior, at, width);
            double step = 0.1;
            for (int s = 0; s < LOCAL_STEPS; s++) {
                double[] next = at.clone();
                for (int i = 0; i < d; i++) {
                    next[i] = Math.min(1, Math.max(0, next[i] + step * random.nextGaussian()));
                }
                next = snap(space, next);
                double v = lowerBound(posterior, next, width);
                if (v < value) {
                    at = next;
                    value = v;
                } else {
                    step = Math.max(1e-3, step * 0.9);
                }
            }
            best = Math.min(best, value);
        }
        return best;
    }

    private static double[] snap(UnitSpace space, double[] u) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = space.snap(i, u[i]);
        }
        return out;
    }
}
