package dev.hpo.sampler.gp;

import dev.hpo.sampler.UnitSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One round of Gaussian-process Bayesian optimization on unit-cube data: standardize the targets, fit (or reuse)
 * the hyperparameters, condition on the observations and on fantasies for pending points, and maximize log EI.
 * Kept apart from {@link dev.hpo.sampler.GpSampler} so that it works on plain arrays, without studies.
 */
public final class GpModel {

    /**
     * Added to the posterior variance in log EI (Optuna's {@code stabilizing_noise}): at the observations the variance
     * is about the noise, 1e-6 at its floor, so this moves log EI by a millionth there and keeps it finite where the
     * variance rounds to 0.
     */
    static final double STABILIZING_NOISE = 1e-12;

    private final UnitSpace space;
    private final Matern52 kernel;
    private final boolean warped;

    /** A model for choosing points: the targets' bad tail is compressed ({@link Warp}) before they are modelled. */
    public GpModel(UnitSpace space) {
        this(space, true);
    }

    /**
     * A model of the targets as they are, without {@link Warp}: for bounds that read the posterior's spread far from
     * the good points (the terminator's regret bounds), where the warp's inverse stretches it.
     */
    public static GpModel unwarped(UnitSpace space) {
        return new GpModel(space, false);
    }

    private GpModel(UnitSpace space, boolean warped) {
        this.space = space;
        this.warped = warped;
        boolean[] categorical = new boolean[space.dimension()];
        for (int d = 0; d < categorical.length; d++) {
            categorical[d] = space.isCategorical(d);
        }
        this.kernel = new Matern52(categorical);
    }

    /** Fitted hyperparameters θ, for reuse as a warm start. */
    public record Hyperparameters(double[] theta) {
    }

    /** A conditioned posterior over standardized targets, with the transform back to the original scale. */
    public final class Posterior {
        private final GaussianProcess gp;
        private final double shift;
        private final double scale;
        private final double bestStandardized;
        private final Warp warp;

        Posterior(GaussianProcess gp, double shift, double scale, double bestStandardized, Warp warp) {
            this.warp = warp;
            this.gp = gp;
            this.shift = shift;
            this.scale = scale;
            this.bestStandardized = bestStandardized;
        }

        /**
         * Posterior mean and variance in the scale of the targets: the warped mean mapped back through the
         * inverse warp, the variance by the delta method.
         */
        public double[] predict(double[] x) {
            double[] out = new double[2];
            gp.predict(x, out, null, null);
            double warped = shift + scale * out[0];
            double var = scale * scale * out[1];
            if (warp.scale() > 0 && warped > warp.median()) {
                double e = Math.exp((warped - warp.median()) / warp.scale());
                return new double[] {warp.median() + warp.scale() * (e - 1), var * e * e};
            }
            return new double[] {warped, var};
        }

        /** The posterior covariance of the targets at two points, mapped back as {@link #predict} maps variances. */
        public double covariance(double[] a, double[] b) {
            return scale * scale * gp.covariance(a, b) * unwarpSlope(a) * unwarpSlope(b);
        }

        /** The slope of the inverse warp at the posterior mean of x: how a modelled unit stretches there. */
        private double unwarpSlope(double[] x) {
            double[] out = new double[2];
            gp.predict(x, out, null, null);
            double warped = shift + scale * out[0];
            return warp.scale() > 0 && warped > warp.median() ? Math.exp((warped - warp.median()) / warp.scale()) : 1;
        }

        /**
         * A target in the scale the GP models: warped and standardized as the training targets were. Monotone, so
         * it keeps which of two targets is better.
         */
        double standardized(double target) {
            return (warp.apply(target) - shift) / scale;
        }

        /** Mean and variance in the modelled scale ({@link #standardized}), with gradients as the GP gives them. */
        void predictStandardized(double[] x, double[] out, double[] gradMean, double[] gradVar) {
            gp.predict(x, out, gradMean, gradVar);
        }

        /** {@link #predictStandardized} at many points, without gradients. */
        void predictStandardizedMany(List<double[]> xs, double[] means, double[] variances) {
            gp.predictMany(xs, means, variances);
        }

        /**
         * log EI over the best observed target (minimization), of the latent posterior with {@link
         * #STABILIZING_NOISE} added to its variance, as Optuna's LogEI has it.
         */
        public double logEi(double[] x) {
            return logEi(x, null);
        }

        /** {@link #logEi} at many points, scored together ({@link GaussianProcess#predictMany}). */
        void logEis(List<double[]> xs, double[] out) {
            double[] means = new double[xs.size()];
            double[] variances = new double[xs.size()];
            gp.predictMany(xs, means, variances);
            for (int i = 0; i < out.length; i++) {
                double s = Math.sqrt(variances[i] + STABILIZING_NOISE);
                out[i] = Math.log(s) + LogEi.logH((bestStandardized - means[i]) / s);
            }
        }

        double logEi(double[] x, double[] grad) {
            double[] out = new double[2];
            double[] gm = grad == null ? null : new double[x.length];
            double[] gv = grad == null ? null : new double[x.length];
            gp.predict(x, out, gm, gv);
            double s = Math.sqrt(out[1] + STABILIZING_NOISE);
            double z = (bestStandardized - out[0]) / s;
            double logH = LogEi.logH(z);
            double value = Math.log(s) + logH;
            if (grad != null) {
                double r = LogEi.dLogH(z, logH);
                for (int d = 0; d < x.length; d++) {
                    double ds = gv[d] / (2 * s);
                    double dz = -(gm[d] + z * ds) / s;
                    grad[d] = ds / s + r * dz;
                }
            }
            return value;
        }

        /**
         * The probability under the posterior that the target at {@code x} is at most {@code threshold} (in the
         * scale of the targets): for a GP fitted on constraint values and threshold 0, the probability that x is
         * feasible. The threshold goes through the same monotone warp and standardization as the targets, so the
         * probability is exact for the model.
         */
        public double probabilityAtMost(double[] x, double threshold) {
            return Math.exp(logProbabilityAtMost(x, threshold, null));
        }

        /** {@link #logProbabilityAtMost} at many points, scored together ({@link GaussianProcess#predictMany}). */
        void logProbabilitiesAtMost(List<double[]> xs, double threshold, double[] out) {
            double[] means = new double[xs.size()];
            double[] variances = new double[xs.size()];
            gp.predictMany(xs, means, variances);
            double t = (warp.apply(threshold) - shift) / scale;
            for (int i = 0; i < out.length; i++) {
                out[i] = LogEi.logBigPhi((t - means[i]) / Math.sqrt(variances[i]));
            }
        }

        /** log P(target(x) ≤ threshold) = log Φ((t − μ) / σ) in standardized units, with its gradient. */
        double logProbabilityAtMost(double[] x, double threshold, double[] grad) {
            double[] out = new double[2];
            double[] gm = grad == null ? null : new double[x.length];
            double[] gv = grad == null ? null : new double[x.length];
            gp.predict(x, out, gm, gv);
            double s = Math.sqrt(out[1]);
            double t = (warp.apply(threshold) - shift) / scale;
            double z = (t - out[0]) / s;
            if (grad != null) {
                double r = LogEi.dLogBigPhi(z);
                for (int d = 0; d < x.length; d++) {
                    double ds = gv[d] / (2 * s);
                    grad[d] = -r * (gm[d] + z * ds) / s;
                }
            }
            return LogEi.logBigPhi(z);
        }

        /**
         * The point that maximizes log EI plus the log probability that every constraint is satisfied (Gardner et
         * al. 2014), each constraint modelled by its own posterior with feasibility at most 0. While no observed
         * point is feasible ({@code feasibleSeen} false) there is no incumbent to improve on, and the probability of
         * feasibility alone is maximized.
         */
        public double[] maximizeConstrainedLogEi(SplittableRandom random, List<double[]> incumbents,
                List<double[]> taken, int candidates, List<Posterior> constraints, boolean feasibleSeen) {
            AcquisitionOptimizer.Acquisition acquisition = new AcquisitionOptimizer.Acquisition() {
                @Override
                public double value(double[] x, double[] grad) {
                    double[] part = grad == null ? null : new double[x.length];
                    double value = 0;
                    if (grad != null) {
                        java.util.Arrays.fill(grad, 0);
                    }
                    if (feasibleSeen) {
                        value = logEi(x, part);
                        add(grad, part);
                    }
                    for (Posterior c : constraints) {
                        value += c.logProbabilityAtMost(x, 0, part);
                        add(grad, part);
                    }
                    return value;
                }

                @Override
                public boolean concurrent() {
                    return true;
                }

                @Override
                public void values(List<double[]> xs, double[] out) {
                    java.util.Arrays.fill(out, 0);
                    double[] part = new double[out.length];
                    if (feasibleSeen) {
                        logEis(xs, part);
                        add(out, part);
                    }
                    for (Posterior c : constraints) {
                        c.logProbabilitiesAtMost(xs, 0, part);
                        add(out, part);
                    }
                }
            };
            return new AcquisitionOptimizer(space, acquisition, candidates).maximize(random, incumbents, taken);
        }

        /** The point that maximizes log EI, searched as {@link AcquisitionOptimizer} describes. */
        public double[] maximizeLogEi(SplittableRandom random, List<double[]> incumbents, List<double[]> taken,
                int candidates) {
            AcquisitionOptimizer.Acquisition acquisition = new AcquisitionOptimizer.Acquisition() {
                @Override
                public double value(double[] x, double[] grad) {
                    return logEi(x, grad);
                }

                @Override
                public void values(List<double[]> xs, double[] out) {
                    logEis(xs, out);
                }

                @Override
                public boolean concurrent() {
                    return true;
                }
            };
            return new AcquisitionOptimizer(space, acquisition, candidates).maximize(random, incumbents, taken);
        }
    }

    private static void add(double[] sum, double[] part) {
        if (sum != null) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += part[d];
            }
        }
    }

    /**
     * Up to this many points a fit also starts from the prior mode besides the warm start: early fits can lock
     * into a degenerate optimum (one tiny length scale that explains the data as noise) that a warm start would
     * carry on; later the data pin the hyperparameters down and the second start only costs time.
     */
    static final int COLD_START_UP_TO = 60;

    /**
     * Fits hyperparameters by maximum a posteriori from the given starts ({@code warm} may be null: then the prior
     * mode is the only start).
     */
    public Hyperparameters fit(double[][] x, double[] y, Hyperparameters warm, int maxIterations) {
        return fit(x, y, warm, maxIterations, false);
    }

    /**
     * As {@link #fit(double[][], double[], Hyperparameters, int)}; with {@code noiseFree} the noise variance is held
     * at its floor instead of fitted, for targets known to be deterministic.
     */
    public Hyperparameters fit(double[][] x, double[] y, Hyperparameters warm, int maxIterations, boolean noiseFree) {
        double[] ys = standardize(y, warp(y))[0];
        HyperparameterFit fit = new HyperparameterFit(kernel, x, ys, noiseFree);
        List<double[]> starts = new ArrayList<>();
        boolean warmUsable = warm != null && warm.theta().length == space.dimension() + 2;
        if (warmUsable) {
            starts.add(warm.theta());
        }
        if (!warmUsable || x.length <= COLD_START_UP_TO) {
            starts.add(fit.defaultTheta());
        }
        return new Hyperparameters(fit.fit(starts.toArray(new double[0][]), maxIterations));
    }

    /**
     * The posterior given observations {@code (x, y)} and pending points whose outcome is fantasized as the
     * posterior mean of the observations alone (the "kriging believer" heuristic for batch suggestions): a pending
     * point then carries no further improvement, so parallel workers do not all pick the same point.
     */
    public Posterior condition(double[][] x, double[] y, List<double[]> pending, Hyperparameters h) {
        return condition(x, y, pending, h, null);
    }

    /**
     * As {@link #condition(double[][], double[], List, Hyperparameters)}, with the incumbent of EI taken only
     * among the observations marked in {@code incumbentEligible} (the feasible ones of a constrained study; null:
     * all). When none is marked, the best of all observations stands in.
     */
    public Posterior condition(double[][] x, double[] y, List<double[]> pending, Hyperparameters h,
            boolean[] incumbentEligible) {
        double[][] st = standardize(y, warp(y));
        double[] ys = st[0];
        double shift = st[1][0];
        double scale = st[1][1];
        double best = Double.POSITIVE_INFINITY;
        double bestEligible = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ys.length; i++) {
            best = Math.min(best, ys[i]);
            if (incumbentEligible == null || incumbentEligible[i]) {
                bestEligible = Math.min(bestEligible, ys[i]);
            }
        }
        if (bestEligible < Double.POSITIVE_INFINITY) {
            best = bestEligible;
        }
        GaussianProcess gp = GaussianProcess.condition(kernel, x, ys, h.theta());
        if (!pending.isEmpty()) {
            int n = x.length;
            double[][] xa = new double[n + pending.size()][];
            double[] ya = new double[n + pending.size()];
            System.arraycopy(x, 0, xa, 0, n);
            System.arraycopy(ys, 0, ya, 0, n);
            double[] out = new double[2];
            for (int i = 0; i < pending.size(); i++) {
                xa[n + i] = pending.get(i);
                gp.predict(pending.get(i), out, null, null);
                ya[n + i] = out[0];
            }
            gp = GaussianProcess.condition(kernel, xa, ya, h.theta());
        }
        return new Posterior(gp, shift, scale, best, warp(y));
    }

    /**
     * Compresses the bad tail of the targets: values above the median m become {@code m + s log(1 + (y - m)/s)},
     * s the interquartile range. Monotone, so the incumbent and the ranking stay; the good half stays linear, and
     * an objective such as Rosenbrock, whose bad values are orders of magnitude larger than the good ones, no
     * longer makes the GP spend its variance on the region nobody wants.
     */
    record Warp(double median, double scale) {
        /** The identity: a scale of 0 leaves every target as it is. */
        static final Warp NONE = new Warp(0, 0);

        static Warp of(double[] y) {
            double[] sorted = y.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return new Warp(sorted[n / 2], sorted[(3 * n) / 4] - sorted[n / 4]);
        }

        double[] apply(double[] y) {
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                out[i] = apply(y[i]);
            }
            return out;
        }

        double apply(double y) {
            return !(scale > 0) || y <= median ? y : median + scale * Math.log1p((y - median) / scale);
        }
    }

    private Warp warp(double[] y) {
        return warped ? Warp.of(y) : Warp.NONE;
    }

    /**
     * {@code [standardized warped targets, {mean, sd}]} with the population standard deviation, as Optuna's GPSampler
     * standardizes (the sample one made every target √(n/(n-1)) times smaller than Optuna's); a constant target gets
     * sd 1.
     */
    private static double[][] standardize(double[] raw, Warp warp) {
        double[] y = warp.apply(raw);
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / y.length);  // numpy's std, Optuna's: the same standardized targets
        if (!(sd > 1e-12)) {
            sd = 1.0;
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - mean) / sd;
        }
        return new double[][] {out, {mean, sd}};
    }
}
