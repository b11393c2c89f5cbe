package dev.hpo.sampler.gp;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * Fits the GP hyperparameters θ = {@code [log ℓ_1..log ℓ_D, log σ², log σ_n²]} by maximizing the log marginal
 * likelihood plus weak log-normal priors (maximum a posteriori), with {@link BoxLbfgs} from one or more starts.
 *
 * <p>The priors keep small data sets from collapsing the length scales: {@code log ℓ_d ~ N(0, 3)} in the unit
 * cube (the log-normal form of Hvarfner, Hellsten and Nardi 2024, centred at ℓ = 1 rather than their √D-scaled
 * value, which over-smoothed the low-dimensional benchmark problems and trapped EI in local optima there),
 * {@code log σ² ~ N(0, 1)} for standardized targets and a weak
 * {@code log σ_n² ~ N(-8, 3²)} that lets deterministic objectives reach the noise floor of 1e-6.
 */
final class HyperparameterFit {

    static final double MIN_NOISE = 1e-6;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final Matern52 kernel;
    private final double[][] x;
    private final double[] y;
    private final double lengthScalePriorMean;
    /** Whether the noise variance stays at {@link #MIN_NOISE}: the objective is known to be deterministic. */
    private final boolean noiseFree;

    HyperparameterFit(Matern52 kernel, double[][] x, double[] y) {
        this(kernel, x, y, false);
    }

    HyperparameterFit(Matern52 kernel, double[][] x, double[] y, boolean noiseFree) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.lengthScalePriorMean = 0.0;
        this.noiseFree = noiseFree;
    }

    /** The prior mode: where a fit starts when there is no earlier fit to warm-start from. */
    double[] defaultTheta() {
        int dim = kernel.dimension();
        double[] theta = new double[dim + 2];
        for (int d = 0; d < dim; d++) {
            theta[d] = Math.log(0.5);
        }
        theta[dim] = 0.0;
        theta[dim + 1] = noiseFree ? Math.log(MIN_NOISE) : Math.log(1e-4);
        return theta;
    }

    double[] lowerBounds() {
        int dim = kernel.dimension();
        double[] lo = new double[dim + 2];
        java.util.Arrays.fill(lo, 0, dim, Math.log(1e-3));
        lo[dim] = Math.log(1e-2);
        lo[dim + 1] = Math.log(MIN_NOISE);
        return lo;
    }

    double[] upperBounds() {
        int dim = kernel.dimension();
        double[] hi = new double[dim + 2];
        java.util.Arrays.fill(hi, 0, dim, Math.log(1e3));
        hi[dim] = Math.log(1e2);
        hi[dim + 1] = noiseFree ? Math.log(MIN_NOISE) : Math.log(1.0);  // equal bounds hold it where it is
        return hi;
    }

    /** The best of the local optima reached from each start. */
    double[] fit(double[][] starts, int maxIterations) {
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        double[] lo = lowerBounds();
        double[] hi = upperBounds();
        for (double[] start : starts) {
            double[] theta = BoxLbfgs.minimize(this::negativeLogPosterior, start, lo, hi, maxIterations, 1.0);
            double value = negativeLogPosterior(theta, new double[theta.length]);
            if (value < bestValue || best == null) {
                bestValue = value;
                best = theta;
            }
        }
        return best;
    }

    /**
     * {@code -log p(y | θ) - log p(θ)} and its gradient. With {@code W = K⁻¹ - ααᵀ}, {@code α = K⁻¹y}:
     * {@code ∂/∂θ_j = ½ tr(W ∂K/∂θ_j)} minus the prior's derivative.
     */
    double negativeLogPosterior(double[] theta, double[] grad) {
        int dim = kernel.dimension();
        double value = negativeLogLikelihood(theta, grad);
        for (int d = 0; d < dim; d++) {
            value += prior(theta[d], lengthScalePriorMean, Math.sqrt(3), grad, d);
        }
        value += prior(theta[dim], 0.0, 1.0, grad, dim);
        value += prior(theta[dim + 1], -8.0, 3.0, grad, dim + 1);
        return value;
    }

    /** {@code -log p(y | θ)}, the negative log marginal likelihood, and its gradient (overwriting {@code grad}). */
    double negativeLogLikelihood(double[] theta, double[] grad) {
        int dim = kernel.dimension();
        int n = x.length;
        double[] inv2 = GaussianProcess.inverseSquaredLengthScales(theta, dim);
        double signal = Math.exp(theta[dim]);
        double noise = Math.exp(theta[dim + 1]);
        double[][] k = GaussianProcess.covariance(kernel, x, inv2, signal, noise);
        CholeskyDecomposition chol = GaussianProcess.factorize(k);
        var solver = chol.getSolver();
        double[] alpha = solver.solve(new ArrayRealVector(y, false)).toArray();
        double[][] lt = chol.getLT().getData();  // its diagonal is L's, without commons' transposing walk
        double[][] kinv = lowerInverse(lt);
        double value = 0.5 * n * LOG_2PI;
        for (int i = 0; i < n; i++) {
            value += 0.5 * y[i] * alpha[i] + Math.log(lt[i][i]);
        }
        java.util.Arrays.fill(grad, 0);
        for (int i = 0; i < n; i++) {
            double wii = kinv[i][i] - alpha[i] * alpha[i];
            grad[dim] += 0.5 * wii * signal;
            grad[dim + 1] += 0.5 * wii * noise;
            for (int j = 0; j < i; j++) {
                double w = kinv[i][j] - alpha[i] * alpha[j];
                double r2 = kernel.r2(x[i], x[j], inv2);
                grad[dim] += w * signal * Matern52.value(r2);
                double g = w * signal * Matern52.derivativeFactor(r2);
                double[] xi = x[i];
                double[] xj = x[j];
                for (int d = 0; d < dim; d++) {
                    grad[d] += g * kernel.delta2(d, xi[d], xj[d]) * inv2[d];
                }
            }
        }
        return value;
    }

    /**
     * The lower triangle of K⁻¹ (diagonal included; the entries above it are left out) from Lᵀ, K = LLᵀ: the
     * forward and back substitutions commons-math3's {@code getInverse()} runs on the identity, in the same order,
     * but only where they reach the lower triangle. The forward pass's result L⁻¹ is lower triangular, so the
     * entries it skips are zeros it would subtract, and in the back pass an entry (i, k) with k ≤ i is made only
     * from entries (j, k) with j > i: the entries kept come out the same to the bit, for about a third of the work.
     */
    static double[][] lowerInverse(double[][] lt) {
        int m = lt.length;
        double[][] x = new double[m][m];
        for (int i = 0; i < m; i++) {
            x[i][i] = 1;
        }
        for (int j = 0; j < m; j++) {  // L Y = I, column k of Y zero above row k
            double[] lJ = lt[j];
            double lJJ = lJ[j];
            double[] xJ = x[j];
            for (int k = 0; k <= j; k++) {
                xJ[k] /= lJJ;
            }
            for (int i = j + 1; i < m; i++) {
                double[] xI = x[i];
                double lJI = lJ[i];
                for (int k = 0; k <= j; k++) {
                    xI[k] -= xJ[k] * lJI;
                }
            }
        }
        for (int j = m - 1; j >= 0; j--) {  // Lᵀ X = Y, row by row from the last
            double lJJ = lt[j][j];
            double[] xJ = x[j];
            for (int k = 0; k <= j; k++) {
                xJ[k] /= lJJ;
            }
            for (int i = 0; i < j; i++) {
                double[] xI = x[i];
                double lIJ = lt[i][j];
                for (int k = 0; k <= i; k++) {
                    xI[k] -= xJ[k] * lIJ;
                }
            }
        }
        return x;
    }

    /** The negative log density of N(mean, sd²) at t, adding its derivative to grad[i]. */
    private static double prior(double t, double mean, double sd, double[] grad, int i) {
        double z = (t - mean) / sd;
        grad[i] += z / sd;
        return 0.5 * z * z;
    }
}
