package dev.hpo.sampler.gp;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * A Gaussian-process posterior with a {@link Matern52} kernel and fixed hyperparameters, conditioned on points
 * in the unit cube with standardized targets. Answers the posterior mean and variance of the latent function
 * (noise excluded) and their gradients with respect to the numeric coordinates of the query point.
 *
 * <p>The hyperparameter vector θ is {@code [log ℓ_1 .. log ℓ_D, log σ², log σ_n²]}: length scales, signal
 * variance and noise variance.
 */
final class GaussianProcess {

    private final Matern52 kernel;
    private final double[][] x;
    private final double[] inv2;
    private final double signal;
    private final double[][] lower;
    /** Lᵀ: its row j is column j of L, for {@link #forward}. */
    private final double[][] upper;
    private final double[] alpha;

    private GaussianProcess(Matern52 kernel, double[][] x, double[] inv2, double signal, double[][] lower,
            double[][] upper, double[] alpha) {
        this.kernel = kernel;
        this.x = x;
        this.inv2 = inv2;
        this.signal = signal;
        this.lower = lower;
        this.upper = upper;
        this.alpha = alpha;
    }

    /** Conditions the prior with hyperparameters θ on the points {@code x} with targets {@code y}. */
    static GaussianProcess condition(Matern52 kernel, double[][] x, double[] y, double[] theta) {
        int dim = kernel.dimension();
        double[] inv2 = inverseSquaredLengthScales(theta, dim);
        double signal = Math.exp(theta[dim]);
        double noise = Math.exp(theta[dim + 1]);
        double[][] k = covariance(kernel, x, inv2, signal, noise);
        CholeskyDecomposition chol = factorize(k);
        double[][] lt = chol.getLT().getData();
        double[][] l = transpose(lt);
        double[] a = chol.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(y, false)).toArray();
        return new GaussianProcess(kernel, x, inv2, signal, l, lt, a);
    }

    /** Written out: commons-math3's transpose walks the matrix through a visitor, entry by entry. */
    private static double[][] transpose(double[][] m) {
        int n = m.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    static double[] inverseSquaredLengthScales(double[] theta, int dim) {
        double[] inv2 = new double[dim];
        for (int d = 0; d < dim; d++) {
            inv2[d] = Math.exp(-2 * theta[d]);
        }
        return inv2;
    }

    /**
     * The covariance matrix of the observations: kernel plus noise on the diagonal, nothing else. The noise is at
     * least {@link HyperparameterFit#MIN_NOISE}, as Optuna's is, so the matrix is well enough conditioned as it is;
     * a constant jitter on top (1e-9, once) made every posterior variance near the data 0.1 % larger than Optuna's at
     * the same hyperparameters (GpOptunaOracleTest).
     */
    static double[][] covariance(Matern52 kernel, double[][] x, double[] inv2, double signal, double noise) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            k[i][i] = signal + noise;
            for (int j = 0; j < i; j++) {
                double v = signal * Matern52.value(kernel.r2(x[i], x[j], inv2));
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return k;
    }

    /** Cholesky factorization, adding jitter to the diagonal while the matrix is numerically not positive definite. */
    static CholeskyDecomposition factorize(double[][] k) {
        double extra = 0;
        for (int attempt = 0; ; attempt++) {
            double[][] m = k;
            if (extra > 0) {
                m = new double[k.length][];
                for (int i = 0; i < k.length; i++) {
                    m[i] = k[i].clone();
                    m[i][i] += extra;
                }
            }
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(m, false), 1e-8, 0.0);
            } catch (NonPositiveDefiniteMatrixException e) {
                if (attempt >= 8) {
                    throw new IllegalStateException("the Gaussian-process covariance of " + k.length
                            + " points is not positive definite even with jitter " + extra, e);
                }
                extra = extra == 0 ? 1e-8 : extra * 10;
            }
        }
    }

    int size() {
        return x.length;
    }

    /**
     * Posterior mean and variance at a point: {@code out[0] = μ(p)}, {@code out[1] = σ²(p)}. When {@code gradMean}
     * and {@code gradVar} are given, also fills their derivatives with respect to the numeric coordinates (zero
     * for categorical ones).
     */
    void predict(double[] p, double[] out, double[] gradMean, double[] gradVar) {
        int n = x.length;
        double[] kv = new double[n];
        double[] r2 = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            r2[i] = kernel.r2(p, x[i], inv2);
            kv[i] = signal * Matern52.value(r2[i]);
            mean += kv[i] * alpha[i];
        }
        double[] v = forward(kv);
        double quad = 0;
        for (double e : v) {
            quad += e * e;
        }
        out[0] = mean;
        out[1] = Math.max(signal * 1e-12, signal - quad);
        if (gradMean == null) {
            return;
        }
        double[] w = backward(v);
        java.util.Arrays.fill(gradMean, 0);
        java.util.Arrays.fill(gradVar, 0);
        for (int i = 0; i < n; i++) {
            double g = signal * Matern52.derivativeFactor(r2[i]);
            for (int d = 0; d < p.length; d++) {
                if (kernel.isCategorical(d)) {
                    continue;
                }
                double dk = -g * (p[d] - x[i][d]) * inv2[d];
                gradMean[d] += alpha[i] * dk;
                gradVar[d] -= 2 * w[i] * dk;
            }
        }
    }

    /** The posterior covariance of the latent function at two points: k(a, b) − k(a, X) K⁻¹ k(X, b). */
    double covariance(double[] a, double[] b) {
        int n = x.length;
        double[] ka = new double[n];
        double[] kb = new double[n];
        for (int i = 0; i < n; i++) {
            ka[i] = signal * Matern52.value(kernel.r2(a, x[i], inv2));
            kb[i] = signal * Matern52.value(kernel.r2(b, x[i], inv2));
        }
        double[] va = forward(ka);
        double[] vb = forward(kb);
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += va[i] * vb[i];
        }
        return signal * Matern52.value(kernel.r2(a, b, inv2)) - quad;
    }

    /** Points scored together by {@link #predictMany}: their solves stay in the core's cache. */
    private static final int BATCH = 128;

    /** Below this many kernel entries (observations × points) the batches run on the caller's thread alone. */
    private static final int PARALLEL_FROM = 16_384;

    /**
     * Posterior means and variances at many points, as {@link #predict} gives them one by one (the same bits): the
     * triangular solve runs for a batch of points at once, each of L's entries applied to every point of the batch
     * in a loop the JIT vectorizes, where one point at a time gives it short loops and reloads L for each. The
     * batches are independent, so they run on the common fork-join pool as well as the caller's thread: each point's
     * numbers are made by the same operations whichever thread makes them.
     */
    void predictMany(List<double[]> points, double[] means, double[] variances) {
        int batches = (points.size() + BATCH - 1) / BATCH;
        IntStream all = IntStream.range(0, batches);
        if (batches > 1 && (long) x.length * points.size() >= PARALLEL_FROM) {
            all = all.parallel();
        }
        all.forEach(b -> predictBatch(points, b * BATCH, Math.min(BATCH, points.size() - b * BATCH), means, variances));
    }

    private void predictBatch(List<double[]> points, int from, int m, double[] means, double[] variances) {
        int n = x.length;
        double[][] v = new double[n][m];
        for (int c = 0; c < m; c++) {
            double[] p = points.get(from + c);
            double mean = 0;
            for (int i = 0; i < n; i++) {
                double k = signal * Matern52.value(kernel.r2(p, x[i], inv2));
                v[i][c] = k;
                mean += k * alpha[i];
            }
            means[from + c] = mean;
        }
        for (int j = 0; j < n; j++) {
            double[] column = upper[j];
            double[] vj = v[j];
            double ljj = column[j];
            for (int c = 0; c < m; c++) {
                vj[c] = vj[c] / ljj;
            }
            for (int i = j + 1; i < n; i++) {
                double lij = column[i];
                double[] vi = v[i];
                for (int c = 0; c < m; c++) {
                    vi[c] -= lij * vj[c];
                }
            }
        }
        double[] quad = new double[m];
        for (int i = 0; i < n; i++) {
            double[] vi = v[i];
            for (int c = 0; c < m; c++) {
                quad[c] += vi[c] * vi[c];
            }
        }
        for (int c = 0; c < m; c++) {
            variances[from + c] = Math.max(signal * 1e-12, signal - quad[c]);
        }
    }

    /**
     * Solves L v = b. Written out because it runs once per candidate point, on plain arrays; column by column over
     * Lᵀ's rows, which subtracts the same products in the same order as row by row (the same bits), in an inner
     * loop without a running sum, which the JIT vectorizes.
     */
    private double[] forward(double[] b) {
        int n = b.length;
        double[] v = b.clone();
        for (int j = 0; j < n; j++) {
            double[] column = upper[j];
            double vj = v[j] / column[j];
            v[j] = vj;
            for (int i = j + 1; i < n; i++) {
                v[i] -= column[i] * vj;
            }
        }
        return v;
    }

    /** Solves Lᵀ w = v. */
    private double[] backward(double[] v) {
        int n = v.length;
        double[] w = v.clone();
        for (int i = n - 1; i >= 0; i--) {
            w[i] /= lower[i][i];
            double wi = w[i];
            for (int j = 0; j < i; j++) {
                w[j] -= lower[i][j] * wi;
            }
        }
        return w;
    }
}
