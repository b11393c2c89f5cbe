package dev.hpo.sampler.gp;

import dev.hpo.sampler.UnitSpace;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The acquisition of Gaussian-process optimization with several objectives: the log of the expected hypervolume
 * improvement ({@link LogEhvi}) of a point over the front of the observed points, under one independent GP per
 * objective, plus — with constraints — the log probability that every constraint is satisfied (the product of EHVI
 * and the probability of feasibility, as the single-objective path weighs EI).
 *
 * <p>Everything is measured in the scale each GP models (its objective warped and standardized, see
 * {@link GpModel}): the transforms are monotone, so the front is the same set of points, and the objectives weigh
 * alike whatever their units. The reference point is Optuna's rule in that scale: per objective the worst observed
 * value r_j moved outwards by a tenth of its magnitude, {@code max(1.1 r_j, 0.9 r_j)}, and one ulp beyond, so that
 * every observed point dominates it and the extreme points of the front still have room to improve.
 */
public final class LogEhviAcquisition {

    /** Quasi-random posterior samples per point (BoTorch's and Optuna's default). */
    static final int SAMPLES = 128;

    private final UnitSpace space;
    private final List<GpModel.Posterior> objectives;
    private final List<GpModel.Posterior> constraints;
    /** Null when no observed point may improve (none is feasible): then only feasibility is maximized. */
    private final LogEhvi ehvi;

    /**
     * @param objectives one posterior per objective, each fitted to that objective minimized
     * @param observed the minimized objective values (rows) of the points the front is made of: the feasible ones
     *     of a constrained study; may be empty when none is feasible
     * @param constraints posteriors of constraint values (feasible at most 0), and of not completing; may be empty
     * @param random draws the quasi-random samples, fixed for this acquisition so that it is deterministic
     */
    public LogEhviAcquisition(UnitSpace space, List<GpModel.Posterior> objectives, double[][] observed,
            List<GpModel.Posterior> constraints, SplittableRandom random) {
        this.space = space;
        this.objectives = List.copyOf(objectives);
        this.constraints = List.copyOf(constraints);
        int m = objectives.size();
        double[][] xi = NormalQmc.samples(m, SAMPLES, random);
        if (observed.length == 0) {
            this.ehvi = null;
            return;
        }
        double[][] z = new double[observed.length][m];
        for (int i = 0; i < observed.length; i++) {
            for (int j = 0; j < m; j++) {
                z[i][j] = objectives.get(j).standardized(observed[i][j]);
            }
        }
        this.ehvi = new LogEhvi(NondominatedBoxes.of(z, referencePoint(z)), xi);
    }

    /** Per objective {@code max(1.1 r, 0.9 r)} one ulp up, r the largest (worst) value. */
    static double[] referencePoint(double[][] z) {
        double[] r = new double[z[0].length];
        java.util.Arrays.fill(r, Double.NEGATIVE_INFINITY);
        for (double[] row : z) {
            for (int j = 0; j < r.length; j++) {
                r[j] = Math.max(r[j], row[j]);
            }
        }
        for (int j = 0; j < r.length; j++) {
            r[j] = Math.nextUp(Math.max(1.1 * r[j], 0.9 * r[j]));
        }
        return r;
    }

    /** The acquisition at x, with its gradient over the continuous coordinates when {@code grad} is given. */
    double value(double[] x, double[] grad) {
        double value = 0;
        double[] part = grad == null ? null : new double[x.length];
        if (grad != null) {
            java.util.Arrays.fill(grad, 0);
        }
        if (ehvi != null) {
            int m = objectives.size();
            double[] mean = new double[m];
            double[] sd = new double[m];
            double[][] gm = grad == null ? null : new double[m][x.length];
            double[][] gv = grad == null ? null : new double[m][x.length];
            double[] out = new double[2];
            for (int j = 0; j < m; j++) {
                objectives.get(j).predictStandardized(x, out, gm == null ? null : gm[j], gv == null ? null : gv[j]);
                mean[j] = out[0];
                sd[j] = Math.sqrt(out[1]);
            }
            double[] dMean = grad == null ? null : new double[m];
            double[] dSd = grad == null ? null : new double[m];
            value = ehvi.value(mean, sd, dMean, dSd);
            if (grad != null) {
                for (int j = 0; j < m; j++) {
                    for (int d = 0; d < x.length; d++) {
                        // s = √v, so ∂s/∂x = (∂v/∂x) / 2s
                        grad[d] += dMean[j] * gm[j][d] + dSd[j] * gv[j][d] / (2 * sd[j]);
                    }
                }
            }
        }
        for (GpModel.Posterior c : constraints) {
            value += c.logProbabilityAtMost(x, 0, part);
            if (grad != null) {
                for (int d = 0; d < x.length; d++) {
                    grad[d] += part[d];
                }
            }
        }
        return value;
    }

    /** The acquisition at many points, the GP predictions batched. */
    void values(List<double[]> xs, double[] out) {
        java.util.Arrays.fill(out, 0);
        if (ehvi != null) {
            int m = objectives.size();
            double[][] means = new double[m][xs.size()];
            double[][] variances = new double[m][xs.size()];
            for (int j = 0; j < m; j++) {
                objectives.get(j).predictStandardizedMany(xs, means[j], variances[j]);
            }
            double[] mean = new double[m];
            double[] sd = new double[m];
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < m; j++) {
                    mean[j] = means[j][i];
                    sd[j] = Math.sqrt(variances[j][i]);
                }
                out[i] = ehvi.value(mean, sd, null, null);
            }
        }
        double[] part = new double[out.length];
        for (GpModel.Posterior c : constraints) {
            c.logProbabilitiesAtMost(xs, 0, part);
            for (int i = 0; i < out.length; i++) {
                out[i] += part[i];
            }
        }
    }

    /** The log EHVI (plus log feasibility) at x: what {@link #maximize} maximizes. */
    public double at(double[] x) {
        return value(x, null);
    }

    /**
     * The point that maximizes the acquisition, searched as {@link AcquisitionOptimizer} describes: quasi-random
     * candidates and perturbations of the {@code incumbents} (points of the observed front), refined locally, none of
     * the {@code taken} points.
     */
    public double[] maximize(SplittableRandom random, List<double[]> incumbents, List<double[]> taken,
            int candidates) {
        AcquisitionOptimizer.Acquisition acquisition = new AcquisitionOptimizer.Acquisition() {
            @Override
            public double value(double[] x, double[] grad) {
                return LogEhviAcquisition.this.value(x, grad);
            }

            @Override
            public void values(List<double[]> xs, double[] out) {
                LogEhviAcquisition.this.values(xs, out);
            }

            @Override
            public boolean concurrent() {
                return true;  // the boxes, the samples and the posteriors are read only
            }
        };
        return new AcquisitionOptimizer(space, acquisition, candidates).maximize(random, incumbents, taken);
    }
}
