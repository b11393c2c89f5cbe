package dev.hpo.sampler.tpe;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator: the density ℓ(x) of the good trials or g(x) of the others in TPE (Bergstra et al. 2011;
 * Watanabe 2023), a weighted mixture of product kernels, one kernel per observation plus a prior kernel
 * (centre of the range, bandwidth the whole range, weight {@code priorWeight}).
 *
 * <p>Bandwidths follow Optuna 5, per dimension, in the multivariate and the univariate case alike
 * ({@link Bandwidth#NEIGHBOURS}): the larger distance of an observation to its sorted neighbours, the range's ends
 * counting as neighbours; with {@code considerEndpoints} off the outermost kernels take their inner neighbour's
 * distance. {@link Bandwidth#SCOTT} is the rule Optuna 2.2 to 4.x used for multivariate TPE:
 * σ = 0.2 · n^(-1/(D+4)) · range for every kernel. With the magic clip, σ ∈ [range · max(f, (K + 1)^-α), range]
 * for K kernels including the prior, f the {@code minBandwidthFactor} and α the {@code magicClipExponent}
 * (Watanabe 2023, table 6); Optuna's clip is f = 0.01, α = 1, that is range / min(100, K + 1).
 * Without the clip σ ∈ [1e-12, range].
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
    /**
     * Margin under the early cut, so that a leader's full value rounded a little high never drops a kernel the
     * log-sum-exp would keep.
     */
    private static final double SLACK = 1e-6;
    /** Below this many surviving kernels a new leader's full value is not worth computing. */
    private static final int RELEAD_MIN = 32;

    /** How the bandwidth σ of the observation kernels is chosen. */
    public enum Bandwidth {
        /** Distance to the sorted neighbours, per dimension (Optuna 5, and Optuna's univariate TPE before it). */
        NEIGHBOURS,
        /** σ = 0.2 · n^(-1/(D+4)) · range, a Scott-like rule (Optuna 2.2 to 4.x, multivariate TPE). */
        SCOTT
    }

    /**
     * The options Optuna calls the Parzen estimator parameters, and the two parameters of the magic clip that
     * Watanabe (2023) varies: the clip's smallest σ is range · max(minBandwidthFactor, (K + 1)^-magicClipExponent)
     * for K kernels.
     *
     * @param minBandwidthFactor the clip's floor as a share of the range, in (0, 1]; Optuna: 0.01
     * @param magicClipExponent how fast the clip's σ falls with the number of kernels, positive; Optuna: 1
     */
    public record Options(double priorWeight, boolean considerMagicClip, boolean considerEndpoints,
            Bandwidth bandwidth, double minBandwidthFactor, double magicClipExponent) {

        /** Optuna's magic clip: σ ≥ range / min(100, K + 1). */
        public static final double OPTUNA_MIN_BANDWIDTH_FACTOR = 0.01;
        public static final double OPTUNA_MAGIC_CLIP_EXPONENT = 1.0;

        public Options {
            if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight must be a positive number, got " + priorWeight);
            }
            if (bandwidth == null) {
                throw new IllegalArgumentException("bandwidth must not be null; use Bandwidth.NEIGHBOURS (Optuna 5)");
            }
            if (!(minBandwidthFactor > 0 && minBandwidthFactor <= 1)) {
                throw new IllegalArgumentException("minBandwidthFactor must be in (0, 1], got " + minBandwidthFactor
                        + "; Optuna's clip uses 0.01");
            }
            if (!(magicClipExponent > 0) || !Double.isFinite(magicClipExponent)) {
                throw new IllegalArgumentException("magicClipExponent must be a positive number, got "
                        + magicClipExponent + "; Optuna's clip uses 1");
            }
        }

        /** Options with Optuna's magic clip (minimum bandwidth factor 0.01, exponent 1). */
        public Options(double priorWeight, boolean considerMagicClip, boolean considerEndpoints, Bandwidth bandwidth) {
            this(priorWeight, considerMagicClip, considerEndpoints, bandwidth, OPTUNA_MIN_BANDWIDTH_FACTOR,
                    OPTUNA_MAGIC_CLIP_EXPONENT);
        }

        /**
         * Whether the clip's smallest σ is the same for every estimator of at least {@code k} kernels: without the
         * clip, or once (k + 1)^α reaches 1 / minBandwidthFactor.
         */
        boolean clipSettledFrom(int k) {
            return !considerMagicClip || Math.pow(1.0 + k, magicClipExponent) >= 1 / minBandwidthFactor;
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
    /**
     * Discrete dimensions: kernels with the same grid value and σ give the same mass to every point, so the mass is
     * computed once per distinct (grid value, σ) pair: {@code pairOf[d][k]} indexes {@code pairMu}, {@code pairSigma}.
     */
    private final int[][] pairOf;
    private final double[][] pairMu;
    private final double[][] pairSigma;
    private final double[][] pairInvSigma;
    private final double[][] pairLogSigma;
    /** The bin of the last point seen per discrete dimension, with its edges and log width less log √2π. */
    private final double[] binOf;
    private final double[] binLow;
    private final double[] binHigh;
    private final double[] binLogWidth;
    /** Categorical: probability of choice c under kernel k at [k * size + c], and its log. */
    /**
     * Categorical: the observed choice of each kernel (-1 for the uniform prior); an observation kernel gives its
     * choice probability {@code observedP} and every other choice {@code otherP}.
     */
    private final int[][] choiceOf;
    private final double[] observedP;
    private final double[] otherP;
    /** Categorical: per dimension and choice, each kernel's log probability of it ({@link #choiceTerms}). */
    private final double[][][] choiceTerms;
    /** Discrete dimensions: bin masses kept across decisions by a {@link KernelCache} (null: none). */
    private final BinMasses[] binMasses;

    /** An estimator whose observations' sorted order is computed here. */
    public ParzenEstimator(Dimension[] dims, double[][] observations, double[] observationWeights, Options options) {
        this(dims, observations, new int[dims.length][], observationWeights, options);
    }

    /**
     * @param observations internal values by dimension: observations[d][i] is observation i's value of dimension d
     * @param order per dimension, the row indices in increasing order of value (ties by row), or {@code null}
     *        entries to have them sorted here
     * @param observationWeights one non-negative weight per observation (Optuna's {@code weights(n)})
     */
    public ParzenEstimator(Dimension[] dims, double[][] observations, int[][] order, double[] observationWeights,
            Options options) {
        this.dims = dims;
        int n = observations.length == 0 ? 0 : observations[0].length;
        this.kernels = n + 1;
        int k = kernels;
        cumulativeWeights = new double[k];
        kernelConst = new double[k];
        weightTerms(observationWeights, n, options.priorWeight(), cumulativeWeights, kernelConst);
        int d = dims.length;
        mu = new double[d][];
        sigma = new double[d][];
        invSigma = new double[d][];
        pairOf = new int[d][];
        pairMu = new double[d][];
        pairSigma = new double[d][];
        pairInvSigma = new double[d][];
        pairLogSigma = new double[d][];
        binOf = new double[d];
        Arrays.fill(binOf, Double.NaN);
        binLow = new double[d];
        binHigh = new double[d];
        binLogWidth = new double[d];
        choiceOf = new int[d][];
        observedP = new double[d];
        otherP = new double[d];
        choiceTerms = new double[d][][];
        binMasses = new BinMasses[d];
        double[] z = new double[k];
        Arrays.fill(z, 1);
        for (int j = 0; j < d; j++) {
            Dimension dim = dims[j];
            if (dim.isNumeric()) {
                buildNumeric(j, dim, observations, order[j], options, z);
            } else {
                buildCategorical(j, dim, observations, options);
            }
        }
        for (int i = 0; i < k; i++) {
            // most kernels lie well inside their ranges, where the mass is exactly 1
            if (z[i] != 1) {
                kernelConst[i] -= Math.log(z[i]);
            }
        }
    }

    /**
     * An estimator from kernels prepared by a {@link KernelCache}: arrays indexed [dimension][kernel] (null for the
     * dimensions they do not apply to), the prior kernel last; arrays may be longer than {@code kernels}. The
     * estimator reads them in place, so it is valid until the cache changes them. It adds the bin masses it computes
     * to {@code binMasses} (per discrete dimension, null elsewhere) and reads them from there.
     */
    ParzenEstimator(Dimension[] dims, int kernels, double[] cumulativeWeights, double[] kernelConst, double[][] mu,
            double[][] sigma, double[][] invSigma, int[][] pairOf, double[][] pairMu, double[][] pairSigma,
            int[][] choiceOf, double priorWeight, BinMasses[] binMasses) {
        this.dims = dims;
        this.kernels = kernels;
        this.cumulativeWeights = cumulativeWeights;
        this.kernelConst = kernelConst;
        this.mu = mu;
        this.sigma = sigma;
        this.invSigma = invSigma;
        int d = dims.length;
        this.pairOf = new int[d][];
        this.pairMu = new double[d][];
        this.pairSigma = new double[d][];
        this.pairInvSigma = new double[d][];
        this.pairLogSigma = new double[d][];
        binOf = new double[d];
        Arrays.fill(binOf, Double.NaN);
        binLow = new double[d];
        binHigh = new double[d];
        binLogWidth = new double[d];
        this.choiceOf = choiceOf;
        observedP = new double[d];
        otherP = new double[d];
        choiceTerms = new double[d][][];
        this.binMasses = binMasses;
        for (int j = 0; j < d; j++) {
            if (dims[j].isDiscrete()) {
                setPairs(j, pairOf[j], pairMu[j], pairSigma[j], pairMu[j].length);
            } else if (!dims[j].isNumeric()) {
                setChoiceProbabilities(j, dims[j], kernels, priorWeight);
            }
        }
    }

    /**
     * The weights' part of every kernel: the cumulative shares (for drawing a kernel) and log w_k, the start of each
     * kernel's constant. The prior kernel, last, weighs {@code priorWeight}; with no observations it is alone.
     */
    static void weightTerms(double[] observationWeights, int n, double priorWeight, double[] cumulative,
            double[] constant) {
        int k = n + 1;
        double[] w = new double[k];
        if (n == 0) {
            w[0] = 1;
        } else {
            System.arraycopy(observationWeights, 0, w, 0, n);
            w[n] = priorWeight;
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double acc = 0;
        double lastShare = Double.NaN;
        double lastLog = Double.NaN;
        for (int i = 0; i < k; i++) {
            double share = w[i] / total;
            acc += share;
            cumulative[i] = acc;
            // the recent observations share one weight: one logarithm for the run
            if (share != lastShare) {
                lastShare = share;
                lastLog = Math.log(share);
            }
            constant[i] = lastLog;
        }
    }

    /**
     * The clip's smallest σ for a numeric dimension of width {@code range} with k kernels (prior included):
     * range / min(1 / f, (k + 1)^α), which is range · max(f, (k + 1)^-α) and, with Optuna's f = 0.01 and α = 1,
     * range / min(100, k + 1) to the bit (1 / 0.01 is 100.0 and x^1.0 is x in floating point).
     */
    static double minSigma(Options options, double range, int k) {
        return options.considerMagicClip()
                ? range / Math.min(1 / options.minBandwidthFactor(), Math.pow(1.0 + k, options.magicClipExponent()))
                : EPS;
    }

    /** A neighbour bandwidth clipped to [minSigma, range]. */
    static double clip(double v, double minSigma, double range) {
        return v < minSigma ? minSigma : v > range ? range : v;
    }

    private void buildNumeric(int j, Dimension dim, double[][] observations, int[] order, Options options,
            double[] z) {
        int n = observations[j].length;
        int k = n + 1;
        double lo = dim.lo();
        double hi = dim.hi();
        double range = hi - lo;
        double[] m = new double[k];
        for (int i = 0; i < n; i++) {
            m[i] = dim.transform(observations[j][i]);
        }
        m[n] = 0.5 * (lo + hi);
        double[] s = new double[k];
        if (options.bandwidth() == Bandwidth.SCOTT) {
            double bandwidth = SIGMA0_MAGNITUDE * Math.pow(Math.max(n, 1), -1.0 / (dims.length + 4)) * range;
            Arrays.fill(s, 0, n, bandwidth);
        } else if (n > 0) {
            neighbourSigmas(m, n, order != null ? order : sortedOrder(m, n), lo, hi, options.considerEndpoints(), s);
        }
        double minSigma = minSigma(options, range, k);
        for (int i = 0; i < n; i++) {
            s[i] = clip(s[i], minSigma, range);
        }
        s[n] = range;
        double[] inv = new double[k];
        boolean continuous = dim.kind() == Dimension.Kind.CONTINUOUS;
        double lastSigma = Double.NaN;
        double lastInv = Double.NaN;
        double lastLogTerm = Double.NaN;
        for (int i = 0; i < k; i++) {
            // many bandwidths are the clip's minimum: one division and logarithm for each run of equal values
            if (s[i] != lastSigma) {
                lastSigma = s[i];
                lastInv = 1 / s[i];
                lastLogTerm = continuous ? Math.log(s[i]) + Gaussian.LOG_SQRT_2PI : 0;
            }
            inv[i] = lastInv;
            if (continuous) {
                kernelConst[i] -= lastLogTerm;
            }
        }
        mu[j] = m;
        sigma[j] = s;
        invSigma[j] = inv;
        if (dim.isDiscrete()) {
            buildPairs(j, dim, m, s, z);
        } else {
            for (int i = 0; i < k; i++) {
                z[i] *= innerMass(lo, hi, m[i], inv[i]);
            }
        }
    }

    /** The mass of kernel N(μ, σ²) inside [lo, hi] (μ is inside, so both ends are on their own side). */
    static double innerMass(double lo, double hi, double m, double inv) {
        return 1 - Gaussian.upperTail((m - lo) * inv) - Gaussian.upperTail((hi - m) * inv);
    }

    /**
     * Groups a discrete dimension's kernels by (grid value, σ) with a small open-addressing table. Large grids are
     * grouped too: once TPE has converged, observations pile up on a few grid values (a log grid of 1024 values
     * near its low end), with the clip's minimum σ, so a few pairs stand for hundreds of kernels and their bin
     * masses fit the table that points share.
     */
    private void buildPairs(int j, Dimension dim, double[] m, double[] s, double[] z) {
        int k = m.length;
        int capacity = Integer.highestOneBit(Math.max(4, k * 2)) << 1;
        int shift = Integer.numberOfTrailingZeros(capacity);
        int[] slots = new int[capacity];
        Arrays.fill(slots, -1);
        int[] of = new int[k];
        double[] pm = new double[k];
        double[] ps = new double[k];
        double[] pz = new double[k];
        int pairs = 0;
        for (int i = 0; i < k; i++) {
            long bits = (Double.doubleToLongBits(m[i]) * 31 + Double.doubleToLongBits(s[i])) * 0x9E3779B97F4A7C15L;
            int slot = (int) (bits >>> (64 - shift));
            while (slots[slot] >= 0 && (pm[slots[slot]] != m[i] || ps[slots[slot]] != s[i])) {
                slot = (slot + 1) & (capacity - 1);
            }
            if (slots[slot] < 0) {
                slots[slot] = pairs;
                pm[pairs] = m[i];
                ps[pairs] = s[i];
                pz[pairs] = innerMass(dim.lo(), dim.hi(), m[i], 1 / s[i]);
                pairs++;
            }
            of[i] = slots[slot];
            z[i] *= pz[of[i]];
        }
        setPairs(j, of, pm, ps, pairs);
    }

    private void setPairs(int j, int[] of, double[] pm, double[] ps, int pairs) {
        pairOf[j] = of;
        pairMu[j] = Arrays.copyOf(pm, pairs);
        pairSigma[j] = Arrays.copyOf(ps, pairs);
        pairInvSigma[j] = new double[pairs];
        pairLogSigma[j] = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            pairInvSigma[j][p] = 1 / ps[p];
            pairLogSigma[j][p] = Math.log(ps[p]);
        }
    }

    /**
     * Optuna's neighbour bandwidth for the n observations m[0..n), given their sorted order: the larger gap to the
     * previous and next value, with lo and hi before the first and after the last. Within a run of equal values
     * (kept in index order) the first gets the gap before the run, the last the gap after it, the others 0 (which
     * the clip then raises).
     */
    static void neighbourSigmas(double[] m, int n, int[] order, double lo, double hi, boolean considerEndpoints,
            double[] out) {
        double[] sorted = new double[n];
        for (int p = 0; p < n; p++) {
            sorted[p] = m[order[p]];
        }
        for (int p = 0; p < n; p++) {
            out[order[p]] = neighbourSigma(sorted, p, n, lo, hi, considerEndpoints);
        }
    }

    /** {@link #neighbourSigmas}'s bandwidth of the p-th of n values sorted[0..n) in increasing order. */
    static double neighbourSigma(double[] sorted, int p, int n, double lo, double hi, boolean considerEndpoints) {
        double v = sorted[p];
        if (!considerEndpoints && n >= 2) {
            if (p == 0) {
                return sorted[1] - v;
            } else if (p == n - 1) {
                return v - sorted[n - 2];
            }
        }
        double prev = p == 0 ? lo : sorted[p - 1];
        double next = p == n - 1 ? hi : sorted[p + 1];
        double left = v - prev;
        double right = next - v;
        return left > right ? left : right;
    }

    /** The indices 0..n-1 by increasing m, ties by index (a primitive sort, then each index to its slot). */
    static int[] sortedOrder(double[] m, int n) {
        double[] sorted = Arrays.copyOf(m, n);
        Arrays.sort(sorted);
        int[] taken = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int a = 0;
            int b = n;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (sorted[mid] < m[i]) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            out[a + taken[a]++] = i;
        }
        return out;
    }

    private void buildCategorical(int j, Dimension dim, double[][] observations, Options options) {
        int n = observations[j].length;
        int k = n + 1;
        setChoiceProbabilities(j, dim, k, options.priorWeight());
        int[] of = new int[k];
        for (int i = 0; i < n; i++) {
            of[i] = (int) observations[j][i];
        }
        of[n] = -1;
        choiceOf[j] = of;
    }

    /** An observation kernel's probability of its own choice and of each other choice, with k kernels. */
    private void setChoiceProbabilities(int j, Dimension dim, int k, double priorWeight) {
        int c = dim.size();
        double base = priorWeight / k;
        // every observation row has the same two values, the prior row is uniform
        otherP[j] = base / (base * c + 1);
        observedP[j] = (base + 1) / (base * c + 1);
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
            acc += choiceOf[j][k] < 0 ? 1.0 / c : choiceOf[j][k] == x ? observedP[j] : otherP[j];
            if (u < acc) {
                return x;
            }
        }
        return c - 1;
    }

    /**
     * log density of each point (internal values, [dimension][sample]) under the mixture: per point, the
     * log-sum-exp over kernels of log w_k + Σ_d log p_kd(x_d).
     *
     * <p>Every normalizing constant is in the kernel's constant, so each dimension adds a term that is never
     * positive (-z²/2, a log probability, a log bin mass): a kernel's partial sum only falls as dimensions are added.
     * The cheap dimensions are added for every kernel in tight loops: continuous, categorical, and the leading
     * discrete ones whose bin masses fit in a column per distinct value (few values and (grid value, σ) pairs against
     * the kernels, the common case when g(x) has hundreds of kernels). Then the kernel in the lead gives a full value
     * L, and a kernel whose partial sum is below L - 40 can only add less than e^-40 of L's share, so it is dropped:
     * the cut {@link #logSumExp} makes anyway, made early. Each remaining discrete dimension (whose bin masses are
     * costly) is then added only for the kernels still in, and the leader of the survivors tightens L. The result is
     * the same as adding every term of every kernel: each kernel's sum is formed in the same order, and only kernels
     * that the log-sum-exp leaves out are dropped.
     */
    public double[] logPdf(double[][] points) {
        int count = points.length == 0 ? 0 : points[0].length;
        double[] out = new double[count];
        double[] acc = new double[kernels];
        double[] factor = new double[kernels];
        int[] active = new int[kernels];
        int[] dimOrder = dimensionOrder();
        BinTerms[] bins = new BinTerms[dims.length];
        boolean columns = true;
        for (int j : dimOrder) {
            if (dims[j].isDiscrete()) {
                // only a leading run of grid dimensions gets columns, so that every kernel's terms add up in order
                bins[j] = new BinTerms(j, points[j], columns);
                columns = bins[j].columns != null;
            }
        }
        for (int s = 0; s < count; s++) {
            int o = 0;
            // whether factor holds this point's product yet (else it is all 1, filled below)
            boolean factorSet = false;
            if (dimOrder.length > 0 && isDense(dimOrder[0], bins)) {
                factorSet = firstTerm(dimOrder[0], points[dimOrder[0]][s], s, bins, acc, factor);
                for (o = 1; o < dimOrder.length && isDense(dimOrder[o], bins); o++) {
                    int j = dimOrder[o];
                    if (dims[j].kind() == Dimension.Kind.CONTINUOUS) {
                        addContinuous(j, points[j][s], acc);
                    } else {
                        addTerms(denseTerms(j, points[j][s], s, bins), acc);
                        if (dims[j].isDiscrete()) {
                            factorSet = multiplyFactors(bins[j].factorColumn(s), factor, factorSet);
                        }
                    }
                }
            } else {
                System.arraycopy(kernelConst, 0, acc, 0, kernels);
            }
            if (!factorSet) {
                Arrays.fill(factor, 1.0);
            }
            int lead = 0;
            for (int k = 1; k < kernels; k++) {
                if (acc[k] > acc[lead]) {
                    lead = k;
                }
            }
            double cut = acc[lead] + Math.log(factor[lead]) + rest(points, s, lead, o, dimOrder, bins) + NEGLIGIBLE
                    - SLACK;
            int n = 0;
            for (int k = 0; k < kernels; k++) {
                // branch-free: which kernels pass is as good as random to the branch predictor
                active[n] = k;
                n += acc[k] >= cut ? 1 : 0;
            }
            // with every dimension added, the leader holds the largest sum of the kernels still in
            double max = o == dimOrder.length ? acc[lead] : Double.NaN;
            for (; o < dimOrder.length; o++) {
                n = addDiscrete(bins[dimOrder[o]], s, acc, factor, active, n, cut);
                if (o + 1 < dimOrder.length && n > RELEAD_MIN) {
                    int best = active[0];
                    for (int i = 1; i < n; i++) {
                        if (acc[active[i]] > acc[best]) {
                            best = active[i];
                        }
                    }
                    if (best != lead) {
                        lead = best;
                        double v = acc[best] + Math.log(factor[best]) + rest(points, s, best, o + 1, dimOrder, bins)
                                + NEGLIGIBLE - SLACK;
                        cut = Math.max(cut, v);
                    }
                }
            }
            out[s] = Double.isNaN(max) ? logSumExp(acc, factor, active, n) : logSumExp(acc, factor, active, n, max);
        }
        return out;
    }

    /** Whether dimension j is added for every kernel: continuous, categorical and discrete with columns. */
    private boolean isDense(int j, BinTerms[] bins) {
        return !dims[j].isDiscrete() || bins[j].columns != null;
    }

    /** A dense dimension's log term under each kernel for point s: a categorical choice's, or a grid column. */
    private double[] denseTerms(int j, double x, int s, BinTerms[] bins) {
        return dims[j].kind() == Dimension.Kind.CATEGORICAL ? choiceTerms(j, (int) x) : bins[j].column(s);
    }

    /**
     * Sets acc[k] to kernel k's constant plus its term for the first dimension (a dense one); true when it set the
     * factors too (a grid column with series factors).
     */
    private boolean firstTerm(int j, double x, int s, BinTerms[] bins, double[] acc, double[] factor) {
        double[] c = kernelConst;
        if (dims[j].kind() == Dimension.Kind.CONTINUOUS) {
            double y = dims[j].transform(x);
            double[] m = mu[j];
            double[] inv = invSigma[j];
            for (int k = 0; k < kernels; k++) {
                double z = (y - m[k]) * inv[k];
                acc[k] = c[k] - 0.5 * z * z;
            }
            return false;
        } else {
            double[] t = denseTerms(j, x, s, bins);
            for (int k = 0; k < kernels; k++) {
                acc[k] = c[k] + t[k];
            }
            return dims[j].isDiscrete() && multiplyFactors(bins[j].factorColumn(s), factor, false);
        }
    }

    /** Adds a continuous dimension's term to every kernel. */
    private void addContinuous(int j, double x, double[] acc) {
        double y = dims[j].transform(x);
        double[] m = mu[j];
        double[] inv = invSigma[j];
        for (int k = 0; k < kernels; k++) {
            double z = (y - m[k]) * inv[k];
            acc[k] -= 0.5 * z * z;
        }
    }

    /**
     * Multiplies in a grid column's series factors, unless it has none (null: all 1); the first column to have them
     * is copied (1 · f is f to the bit). Returns whether factor now holds the point's product.
     */
    private boolean multiplyFactors(double[] f, double[] factor, boolean set) {
        if (f == null) {
            return set;
        }
        if (!set) {
            System.arraycopy(f, 0, factor, 0, kernels);
        } else {
            for (int k = 0; k < kernels; k++) {
                factor[k] *= f[k];
            }
        }
        return true;
    }

    /** Adds a dense dimension's per-kernel terms to every kernel. */
    private void addTerms(double[] t, double[] acc) {
        for (int k = 0; k < kernels; k++) {
            acc[k] += t[k];
        }
    }

    /**
     * Categorical dimension j's log probability of {@code choice} under each kernel (the prior's -log size last),
     * made on first use. Why a table: the 24 candidates of a decision take only a few choices, and adding a row of
     * a table is a plain vector add, where picking one of two logs per kernel is a compare and select the JIT does
     * not vectorize. The values are the same logs, so each kernel's sum is the same to the bit.
     */
    private double[] choiceTerms(int j, int choice) {
        double[][] byChoice = choiceTerms[j];
        if (byChoice == null) {
            byChoice = new double[dims[j].size()][];
            choiceTerms[j] = byChoice;
        }
        double[] t = byChoice[choice];
        if (t == null) {
            int[] of = choiceOf[j];
            double logObserved = Math.log(observedP[j]);
            double logOther = Math.log(otherP[j]);
            t = new double[kernels];
            for (int k = 0; k < kernels - 1; k++) {
                t[k] = of[k] == choice ? logObserved : logOther;
            }
            // a - b and a + (-b) are the same floating-point operation
            t[kernels - 1] = -Math.log(dims[j].size());
            byChoice[choice] = t;
        }
        return t;
    }

    /**
     * Adds a discrete dimension's bin mass (value and series factor) to the active kernels still at the cut. The
     * masses are made first, in a pass whose only branch (is this mass made yet?) is almost always predicted; the
     * adding pass is then free of branches, since which kernels are still at the cut is as good as random.
     */
    private int addDiscrete(BinTerms bins, int s, double[] acc, double[] factor, int[] active, int n, double cut) {
        bins.fill(s, acc, active, n, cut);
        int base = bins.base(s);
        int[] of = pairOf[bins.j];
        double[] value = bins.value;
        double[] binFactor = bins.factor;
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int k = active[i];
            double a = acc[k];
            int slot = base + of[k];
            // a kernel below the cut gets the term too (its mass may not be made): it is dropped here all the same
            acc[k] = a + value[slot];
            factor[k] *= binFactor[slot];
            active[kept] = k;
            kept += a >= cut ? 1 : 0;
        }
        return kept;
    }

    /** Dimensions cheapest first: continuous, categorical, discrete (the ones with columns first, see BinTerms). */
    private int[] dimensionOrder() {
        int[] order = new int[dims.length];
        int i = 0;
        for (Dimension.Kind kind : new Dimension.Kind[] {Dimension.Kind.CONTINUOUS, Dimension.Kind.CATEGORICAL,
                Dimension.Kind.GRID, Dimension.Kind.LOG_GRID}) {
            for (int j = 0; j < dims.length; j++) {
                if (dims[j].kind() == kind) {
                    order[i++] = j;
                }
            }
        }
        return order;
    }

    /** The sum of kernel k's log bin masses for point s over the (discrete) dimensions from {@code from} on. */
    private double rest(double[][] points, int s, int k, int from, int[] dimOrder, BinTerms[] bins) {
        double v = 0;
        for (int o = from; o < dimOrder.length; o++) {
            BinTerms b = bins[dimOrder[o]];
            int slot = b.slot(k, s);
            v += b.value[slot] + Math.log(b.factor[slot]);
        }
        return v;
    }

    /**
     * The log bin masses of one discrete dimension for one {@link #logPdf} call. Kernels with the same (grid value,
     * σ) pair give the same mass to a point, so a mass is computed once per pair and point; where the table is small
     * it is kept per pair and distinct value, so points that share a value (often: a grid has few values) share it.
     * A narrow bin's mass 2tφ(z)·F(z, t) is kept as its Gaussian part (value) and the series factor F, which saves
     * a logarithm.
     */
    private final class BinTerms {
        private static final int SHARED_MAX = 4096;

        final int j;
        final int pairs;
        /** Per point, its row in the shared table, or -1 when masses are kept per point. */
        final int[] rowOf;
        final double[] values;
        final double[] value;
        final double[] factor;
        final int[] stamp;
        /**
         * Per row, each kernel's log bin mass (its Gaussian part; the series factors per row in factorColumns, null
         * where all are 1), when the table is small against the kernels: then the dimension is added like a
         * categorical one, to every kernel in a loop the JIT vectorizes; else null.
         */
        final double[][] columns;
        /** Per row of a shared table, the masses kept across decisions at its value (made on first use). */
        private final BinMasses.Row[] keptRows;
        final double[][] factorColumns;

        BinTerms(int j, double[] xs, boolean mayHaveColumns) {
            this.j = j;
            this.pairs = pairMu[j].length;
            double[] distinct = new double[xs.length];
            int[] row = new int[xs.length];
            int v = 0;
            for (int s = 0; s < xs.length; s++) {
                int r = 0;
                while (r < v && Double.doubleToLongBits(distinct[r]) != Double.doubleToLongBits(xs[s])) {
                    r++;
                }
                if (r == v) {
                    distinct[v++] = xs[s];
                }
                row[s] = r;
            }
            boolean shared = (long) v * pairs <= SHARED_MAX;
            int size = shared ? v * pairs : pairs;
            this.rowOf = shared ? row : null;
            this.keptRows = shared ? new BinMasses.Row[v] : null;
            this.values = xs;
            this.value = new double[size];
            this.factor = new double[size];
            this.stamp = new int[size];
            this.columns = mayHaveColumns && shared && (long) v * pairs <= kernels ? new double[v][] : null;
            this.factorColumns = columns != null ? new double[v][] : null;
            if (!shared) {
                Arrays.fill(stamp, -1);
            }
        }

        /**
         * Point s's column: every kernel's bin mass of its value as the Gaussian part (the series factor is in
         * {@link #factorColumn}), made with its row's whole table on first use.
         */
        double[] column(int s) {
            int r = rowOf[s];
            if (columns[r] == null) {
                makeColumns(r, s);
            }
            return columns[r];
        }

        /** Point s's column of series factors, or null when they are all 1. */
        double[] factorColumn(int s) {
            int r = rowOf[s];
            if (columns[r] == null) {
                makeColumns(r, s);
            }
            return factorColumns[r];
        }

        private void makeColumns(int r, int s) {
            boolean factors = false;
            for (int p = 0, slot = r * pairs; p < pairs; p++, slot++) {
                if (stamp[slot] != 1) {
                    stamp[slot] = 1;
                    make(slot, s, p);
                }
                factors |= factor[slot] != 1;
            }
            int[] of = pairOf[j];
            int base = r * pairs;
            double[] column = new double[kernels];
            if (factors) {
                // one pass for both columns: each kernel's pair is looked up once
                double[] f = new double[kernels];
                for (int k = 0; k < kernels; k++) {
                    int slot = base + of[k];
                    column[k] = value[slot];
                    f[k] = factor[slot];
                }
                factorColumns[r] = f;
            } else {
                for (int k = 0; k < kernels; k++) {
                    column[k] = value[base + of[k]];
                }
            }
            columns[r] = column;
        }

        /** Sets the bin edges of dimension j to those of grid value x. */
        private void binOf(double x) {
            if (binOf[j] != x) {
                Dimension dim = dims[j];
                binOf[j] = x;
                binLow[j] = dim.binLow(x);
                binHigh[j] = dim.binHigh(x);
                binLogWidth[j] = Math.log(binHigh[j] - binLow[j]) - Gaussian.LOG_SQRT_2PI;
            }
        }

        /** The kept masses at point s's value (looked up once per row of a shared table), or null: none kept. */
        private BinMasses.Row keptRow(int s) {
            if (binMasses[j] == null) {
                return null;
            }
            if (rowOf == null) {
                return binMasses[j].row(values[s]);
            }
            int r = rowOf[s];
            if (keptRows[r] == null) {
                keptRows[r] = binMasses[j].row(values[s]);
            }
            return keptRows[r];
        }

        /** Where point s's masses start in the table. */
        int base(int s) {
            return rowOf != null ? rowOf[s] * pairs : 0;
        }

        /** The stamp of a slot that holds point s's mass: 1 in a shared table, else the point. */
        private int mark(int s) {
            return rowOf != null ? 1 : s;
        }

        /** Makes point s's masses for the active kernels at the cut that lack them. */
        void fill(int s, double[] acc, int[] active, int n, double cut) {
            int[] of = pairOf[j];
            int base = base(s);
            int mark = mark(s);
            for (int i = 0; i < n; i++) {
                int k = active[i];
                int slot = base + of[k];
                if (stamp[slot] != mark && acc[k] >= cut) {
                    stamp[slot] = mark;
                    make(slot, s, of[k]);
                }
            }
        }

        /** The table slot of kernel k's mass for point s, made on first use. */
        int slot(int k, int s) {
            int p = pairOf[j][k];
            int slot = base(s) + p;
            int mark = mark(s);
            if (stamp[slot] != mark) {
                stamp[slot] = mark;
                make(slot, s, p);
            }
            return slot;
        }

        /** Point s's bin mass under pair p, into {@code slot}. */
        private void make(int slot, int s, int p) {
            BinMasses.Row kept = keptRow(s);
            if (kept != null && kept.has(p)) {
                value[slot] = kept.value(p);
                factor[slot] = kept.factor(p);
                return;
            }
            binOf(values[s]);
            double e1 = binLow[j];
            double e2 = binHigh[j];
            double inv = pairInvSigma[j][p];
            double m = pairMu[j][p];
            double t = 0.5 * (e2 - e1) * inv;
            double zc = (0.5 * (e1 + e2) - m) * inv;
            if (Gaussian.isNarrow(zc, t)) {
                // log(2t) - log √2π - z²/2 with log(2t) = log(e2 - e1) - log σ
                value[slot] = binLogWidth[j] - pairLogSigma[j][p] - 0.5 * zc * zc;
                factor[slot] = Gaussian.narrowFactor(zc, t);
            } else {
                value[slot] = Gaussian.logMass((e1 - m) * inv, (e2 - m) * inv);
                factor[slot] = 1;
            }
            if (kept != null) {
                kept.put(p, value[slot], factor[slot]);
            }
        }
    }

    private static double logSumExp(double[] acc, double[] factor, int[] active, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = acc[active[i]];
            // a plain comparison: Math.max's NaN and -0.0 rules cost a branch chain per kernel
            if (v > max) {
                max = v;
            }
        }
        return logSumExp(acc, factor, active, n, max);
    }

    /** The log-sum-exp of the active kernels' terms, {@code max} the largest of their log values. */
    private static double logSumExp(double[] acc, double[] factor, int[] active, int n, double max) {
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int k = active[i];
            double d = acc[k] - max;
            if (d > NEGLIGIBLE) {
                sum += factor[k] * Gaussian.expNonPositive(d);
            }
        }
        return max + Math.log(sum);
    }
}
