package dev.hpo.sampler.cmaes;

import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The initial distribution of a warm-started CMA-ES, after Nomura, Watanabe, Akimoto, Ozaki and Onishi (2021,
 * "Warm starting CMA-ES for hyperparameter optimization"), simplified: the paper fits a Gaussian mixture to the
 * best γ-fraction of the source solutions and takes its moment-matched Gaussian; here the mixture components are
 * the promising solutions themselves, each with covariance α²I, so the result is the mean μ of the top γ·N
 * solutions and Σ = α²I + (1/k) Σ (x - μ)(x - μ)ᵀ. Then σ0 = det(Σ)^{1/(2n)} and C0 = Σ / σ0².
 *
 * @param mean the initial mean m0
 * @param sigma0 the initial step size σ0
 * @param cov0 the initial covariance C0
 */
public record WarmStart(double[] mean, double sigma0, double[][] cov0) {

    /** γ: the fraction of source solutions regarded as promising. */
    public static final double GAMMA = 0.1;
    /** α: the spread added around each promising solution, in unit-cube coordinates. */
    public static final double ALPHA = 0.1;

    /** A point of the source task and its value (lower is better). */
    public record Source(double[] x, double value) {
    }

    /** The warm start from source solutions; needs at least one. */
    public static WarmStart of(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a warm start needs at least one source trial with a value");
        }
        int n = sources.get(0).x().length;
        int k = Math.max(1, (int) Math.floor(GAMMA * sources.size()));
        List<Source> top = sources.stream().sorted(Comparator.comparingDouble(Source::value)).limit(k).toList();
        double[] mu = new double[n];
        for (Source s : top) {
            for (int i = 0; i < n; i++) {
                mu[i] += s.x()[i] / k;
            }
        }
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            sigma[i][i] = ALPHA * ALPHA;
        }
        for (Source s : top) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sigma[i][j] += (s.x()[i] - mu[i]) * (s.x()[j] - mu[j]) / k;
                }
            }
        }
        double det = new LUDecomposition(new Array2DRowRealMatrix(sigma)).getDeterminant();
        double sigma0 = Math.pow(det, 1.0 / (2 * n));
        double[][] c0 = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c0[i][j] = sigma[i][j] / (sigma0 * sigma0);
            }
        }
        return new WarmStart(mu, sigma0, c0);
    }
}
