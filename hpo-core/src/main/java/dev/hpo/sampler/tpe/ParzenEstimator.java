package dev.hpo.sampler.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator: the density ℓ(x) of the good trials or g(x) of the others in TPE (Bergstra et al. 2011;
 * Watanabe 2023), a weighted mixture of product kernels, one kernel per observation plus a prior kernel
 * (centre of the range, bandwidth the whole range, weight {@code priorWeight}).
 *
 * <p>Bandwidths follow Optuna's rules. Multivariate: σ = 0.2 · n^(-1/(D+4)) · range for every kernel (a Scott-like
 * rule). Univariate: the larger distance to the sorted neighbours (the range's ends count as neighbours; with
 * {@code considerEndpoints} off the outermost kernels take their inner neighbour's distance). With the magic clip,
 * σ ∈ [range / min(100, K + 1), range] for K kernels including the prior, without it σ ∈ [1e-12, range].
 * Categorical kernels put weight 1 + priorWeight/K on the observed choice and priorWeight/K on each other choice
 * (then normalized); the prior kernel is uniform.
 *
 * <p>Numeric kernels are truncated normals on [lo, hi]; discrete ones give each grid value the mass of its bin
 * (see {@link Dimension}). Everything is plain arrays indexed [dimension][kernel]; one estimator is built per
 * sampling decision and thrown away.
 */
public final class ParzenEstimator {

    private static final double EPS = 1e-12;
    private static final double SIGMA0_MAGNITUDE = 0.2;
    /** Kernels whose log term is this far below the best one add less than 1e-17 each to the mixture. */
    private static final double NEGLIGIBLE = -40;

    /** The options Optuna calls the Parzen estimator parameters. */
    public record Options(double priorWeight, boolean considerMagicClip, boolean considerEndpoints,
            boolean multivariate) {
        public Options {
            if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight must be a positive number, got " + priorWeight);
            }
        }
    }

    private final Dimension[] dims;
    private final int kernels;
    private final double[] cumulativeWeights;
    /** log w_k - Σ_continuous (log σ_kd + log √2π) - Σ_numeric log Z_kd (Z: mass inside [lo, hi]). */
    private final double[] kernelConst;
    private final double[][] mu;
    private final double[][] sigma;
    private final double[][] invSigma;
    /** The σ of every observation kernel of a dimension when they share one (multivariate), NaN otherwise. */
    private final double[] sharedSigma;
    private final int[][] gridIndex;
    /** Categorical: probability of choice c under kernel k at [k * size + c], and its log. */
    private final double[][] prob;
    private final double[][] logProb;

    /**
     * @param observations internal values, one row per observation, one column per dimension
     * @param observationWeights one non-negative weight per observation (Optuna's {@code weights(n)})
     */
    public ParzenEstimator(Dimension[] dims, double[][] observations, double[] observationWeights, Options options) {
        this.dims = dims;
        int n = observations.length;
        this.kernels = n + 1;
        int k = kernels;
        double[] w = new double[k];
        if (n == 0) {
            w[0] = 1;
        } else {
            System.arraycopy(observationWeights, 0, w, 0, n);
            w[n] = options.priorWeight();
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        cumulativeWeights = new double[k];
        kernelConst = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += w[i] / total;
            cumulativeWeights[i] = acc;
            kernelConst[i] = Math.log(w[i] / total);
        }
        int d = dims.length;
        mu = new double[d][];
        sigma = new double[d][];
        invSigma = new double[d][];
        sharedSigma = new double[d];
        gridIndex = new int[d][];
        prob = new double[d][];
        logProb = new double[d][];
        double[] z = new double[k];
        Arrays.fill(z, 1);
        for (int j = 0; j < d; j++) {
            Dimension dim = dims[j];
            if (dim.isNumeric()) {
                buildNumeric(j, dim, observations, options, z);
            } else {
                buildCategorical(j, dim, observations, options);
            }
        }
        for (int i = 0; i < k; i++) {
            kernelConst[i] -= Math.log(z[i]);
        }
    }

    private void buildNumeric(int j, Dimension dim, double[][] observations, Options options, double[] z) {
        int n = observations.length;
        int k = n + 1;
        double lo = dim.lo();
        double hi = dim.hi();
        double range = hi - lo;
        double[] m = new double[k];
        for (int i = 0; i < n; i++) {
            m[i] = dim.transform(observations[i][j]);
        }
        m[n] = 0.5 * (lo + hi);
        double[] s = new double[k];
        if (options.multivariate()) {
            double bandwidth = SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1.0 / (dims.length + 4)) * range;
            Arrays.fill(s, 0, n, bandwidth);
        } else {
            univariateSigmas(m, n, lo, hi, options.considerEndpoints(), s);
        }
        double maxSigma = range;
        double minSigma = options.considerMagicClip() ? range / Math.min(100.0, 1.0 + k) : EPS;
        for (int i = 0; i < n; i++) {
            s[i] = Math.min(maxSigma, Math.max(minSigma, s[i]));
        }
        s[n] = range;
        double[] inv = new double[k];
        boolean continuous = dim.kind() == Dimension.Kind.CONTINUOUS;
        for (int i = 0; i < k; i++) {
            inv[i] = 1 / s[i];
            double a = (lo - m[i]) * inv[i];
            double b = (hi - m[i]) * inv[i];
            // mass of the kernel inside [lo, hi]; its centre is inside, so a ≤ 0 ≤ b
            z[i] *= 1 - Gaussian.upperTail(-a) - Gaussian.upperTail(b);
            if (continuous) {
                kernelConst[i] -= Math.log(s[i]) + Gaussian.LOG_SQRT_2PI;
            }
        }
        mu[j] = m;
        sigma[j] = s;
        invSigma[j] = inv;
        sharedSigma[j] = options.multivariate() && n > 0 ? s[0] : Double.NaN;
        if (dim.isDiscrete()) {
            int[] g = new int[k];
            for (int i = 0; i < n; i++) {
                g[i] = dim.gridIndex(observations[i][j]);
            }
            g[n] = -1;
            gridIndex[j] = g;
        }
    }

    /** Optuna's univariate bandwidth: distance to the farther sorted neighbour, the range's ends included. */
    private static void univariateSigmas(double[] m, int n, double lo, double hi, boolean considerEndpoints,
            double[] out) {
        int k = n + 1;
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(m[x], m[y]));
        double[] e = new double[k + 2];
        e[0] = lo;
        for (int i = 0; i < k; i++) {
            e[i + 1] = m[order[i]];
        }
        e[k + 1] = hi;
        double[] sorted = new double[k];
        for (int i = 0; i < k; i++) {
            sorted[i] = Math.max(e[i + 1] - e[i], e[i + 2] - e[i + 1]);
        }
        if (!considerEndpoints && e.length >= 4) {
            sorted[0] = e[2] - e[1];
            sorted[k - 1] = e[k] - e[k - 1];
        }
        for (int i = 0; i < k; i++) {
            out[order[i]] = sorted[i];
        }
    }

    private void buildCategorical(int j, Dimension dim, double[][] observations, Options options) {
        int n = observations.length;
        int k = n + 1;
        int c = dim.size();
        double[] p = new double[k * c];
        double[] lp = new double[k * c];
        double base = options.priorWeight() / k;
        for (int i = 0; i < k; i++) {
            int observed = i < n ? (int) observations[i][j] : -1;
            double rowSum = base * c + (observed >= 0 ? 1 : 0);
            for (int x = 0; x < c; x++) {
                double v = (base + (x == observed ? 1 : 0)) / rowSum;
                p[i * c + x] = v;
                lp[i * c + x] = Math.log(v);
            }
        }
        prob[j] = p;
        logProb[j] = lp;
    }

    /** Number of kernels, the prior's included. */
    public int kernels() {
        return kernels;
    }

    /**
     * Draws {@code count} points: a kernel by weight, then every dimension from that kernel (internal values).
     *
     * @return [dimension][sample]
     */
    public double[][] sample(SplittableRandom random, int count) {
        double[][] out = new double[dims.length][count];
        for (int s = 0; s < count; s++) {
            int k = pickKernel(random.nextDouble());
            for (int j = 0; j < dims.length; j++) {
                Dimension dim = dims[j];
                if (dim.isNumeric()) {
                    double m = mu[j][k];
                    double inv = invSigma[j][k];
                    double y = m + sigma[j][k] * Gaussian.truncatedQuantile(random.nextDouble(),
                            (dim.lo() - m) * inv, (dim.hi() - m) * inv);
                    out[j][s] = dim.untransform(Math.min(dim.hi(), Math.max(dim.lo(), y)));
                } else {
                    out[j][s] = sampleChoice(j, k, random.nextDouble());
                }
            }
        }
        return out;
    }

    private int pickKernel(double u) {
        int i = Arrays.binarySearch(cumulativeWeights, u);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, kernels - 1);
    }

    private int sampleChoice(int j, int k, double u) {
        int c = dims[j].size();
        double acc = 0;
        for (int x = 0; x < c - 1; x++) {
            acc += prob[j][k * c + x];
            if (u < acc) {
                return x;
            }
        }
        return c - 1;
    }

    /**
     * log density of each point (internal values, [dimension][sample]) under the mixture: per point, the
     * log-sum-exp over kernels of log w_k + Σ_d log p_kd(x_d).
     */
    public double[] logPdf(double[][] points) {
        int count = points.length == 0 ? 0 : points[0].length;
        double[] out = new double[count];
        double[] acc = new double[kernels];
        double[] factor = new double[kernels];
        double[] table = null;
        for (int s = 0; s < count; s++) {
            System.arraycopy(kernelConst, 0, acc, 0, kernels);
            Arrays.fill(factor, 1);
            for (int j = 0; j < dims.length; j++) {
                Dimension dim = dims[j];
                double x = points[j][s];
                switch (dim.kind()) {
                    case CONTINUOUS -> addContinuous(j, dim.transform(x), acc);
                    case CATEGORICAL -> addCategorical(j, (int) x, acc);
                    default -> {
                        if (table == null || table.length < dim.size()) {
                            table = new double[Math.max(dim.size(), 16)];
                        }
                        addDiscrete(j, dim, x, acc, factor, table);
                    }
                }
            }
            out[s] = logSumExp(acc, factor);
        }
        return out;
    }

    private void addContinuous(int j, double y, double[] acc) {
        double[] m = mu[j];
        double[] inv = invSigma[j];
        for (int k = 0; k < kernels; k++) {
            double z = (y - m[k]) * inv[k];
            acc[k] -= 0.5 * z * z;
        }
    }

    private void addCategorical(int j, int choice, double[] acc) {
        double[] lp = logProb[j];
        int c = dims[j].size();
        for (int k = 0; k < kernels; k++) {
            acc[k] += lp[k * c + choice];
        }
    }

    /**
     * Adds log P_k(bin of x) for a discrete dimension. With one shared σ (multivariate) the mass depends only on
     * the kernel's grid value, so small grids are computed once per grid value; narrow bins add the Gaussian part
     * to {@code acc} and the series factor to {@code factor}, saving a logarithm per kernel.
     */
    private void addDiscrete(int j, Dimension dim, double x, double[] acc, double[] factor, double[] table) {
        double e1 = dim.binLow(x);
        double e2 = dim.binHigh(x);
        double mid = 0.5 * (e1 + e2);
        double half = 0.5 * (e2 - e1);
        double[] m = mu[j];
        double[] inv = invSigma[j];
        int n = kernels - 1;
        acc[n] += Gaussian.logMass((e1 - m[n]) * inv[n], (e2 - m[n]) * inv[n]);
        double shared = sharedSigma[j];
        if (!Double.isNaN(shared) && dim.size() <= kernels) {
            int[] g = gridIndex[j];
            Arrays.fill(table, 0, dim.size(), Double.NaN);
            double invS = 1 / shared;
            double low = dim.low();
            double step = dim.step();
            for (int k = 0; k < n; k++) {
                int gi = g[k];
                double v = table[gi];
                if (Double.isNaN(v)) {
                    double c = dim.transform(low + gi * step);
                    v = Gaussian.logMass((e1 - c) * invS, (e2 - c) * invS);
                    table[gi] = v;
                }
                acc[k] += v;
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double t = half * inv[k];
            double z = (mid - m[k]) * inv[k];
            if (Gaussian.isNarrow(z, t)) {
                acc[k] += Math.log(2 * t) - Gaussian.LOG_SQRT_2PI - 0.5 * z * z;
                factor[k] *= Gaussian.narrowFactor(z, t);
            } else {
                acc[k] += Gaussian.logMass((e1 - m[k]) * inv[k], (e2 - m[k]) * inv[k]);
            }
        }
    }

    private double logSumExp(double[] acc, double[] factor) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kernels; k++) {
            max = Math.max(max, acc[k]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int k = 0; k < kernels; k++) {
            double d = acc[k] - max;
            if (d > NEGLIGIBLE) {
                sum += factor[k] * Math.exp(d);
            }
        }
        return max + Math.log(sum);
    }
}
