package dev.hpo.sampler.tpe;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * The kernels of one Parzen estimator kept from one sampling decision to the next, for g(x): between two decisions
 * its observations change by about one trial (the one that just finished, or a trial pushed out of the γ best), so
 * updating the kernels that change is far cheaper than rebuilding ~1,000 of them per decision.
 *
 * <p>What a change touches, with Optuna 5's neighbour bandwidths: a kernel's σ in a dimension depends only on its
 * value and on the values just before and after it in sorted order (the range's ends, and at the two ends of the
 * sorted list the inner neighbour). A new or removed observation therefore changes σ of at most its two neighbours
 * on each side per dimension; with them their 1/σ, log σ, mass inside [lo, hi] (or their (value, σ) pair of a
 * discrete dimension) and the logarithm of the product of the masses. The weights ramp with n, so each kernel's
 * constant (log w_k minus the normalizing terms) is summed afresh each decision, in the same order as the estimator
 * built from scratch; so is every other value, which makes the estimator the same to the bit.
 *
 * <p>It applies when the clip's minimum σ no longer depends on the number of kernels (from {@link #MIN_ROWS}
 * observations on; never with a clip that still shrinks there), with {@link ParzenEstimator.Bandwidth#NEIGHBOURS},
 * to finished trials only (whose values never
 * change), and when the rows' sorted order is the one {@link Observations} keeps (ties: by trial number); otherwise
 * {@link #estimator} answers {@code null} and the caller builds the estimator from scratch. More than
 * {@link #MAX_CHANGES} rows in or out since the last call (another group of parameters, a search space that
 * changed) rebuild the kernels from scratch. One instance models one tuple of dimensions of one study. Not thread
 * safe: the sampler that owns it locks.
 */
public final class KernelCache {

    /** Rows in and out beyond which rebuilding every kernel costs less than updating them one at a time. */
    static final int MAX_CHANGES = 16;
    /**
     * From this many rows on (less {@link #MAX_CHANGES} to spare), the clip's minimum σ is its floor (Optuna's clip:
     * range / 100) whatever the number of kernels, so that a change of n leaves the other kernels' σ alone.
     */
    static final int MIN_ROWS = 128;

    private final Dimension[] dims;
    private final String[] names;
    private final ParzenEstimator.Options options;

    /** Whether the arrays below describe the rows {@code numbers[0..n)}. */
    private boolean built;
    private int n;
    /** The rows' trial numbers, increasing; every per-row array below holds the prior kernel at index n. */
    private int[] numbers = new int[0];
    /** Per kernel: the product of its masses inside [lo, hi] over the numeric dimensions, and its logarithm. */
    private double[] z = new double[0];
    private double[] logZ = new double[0];
    /** Numeric dimensions, per kernel: μ on the kernels' axis, σ, 1/σ, the mass inside [lo, hi]. */
    private final double[][] mu;
    private final double[][] sigma;
    private final double[][] inv;
    private final double[][] mass;
    /** Continuous dimensions, per kernel: log σ + log √2π. */
    private final double[][] logTerm;
    /** Discrete dimensions: each kernel's (value, σ) pair. */
    private final int[][] pairOf;
    private final Pairs[] pairs;
    /** Discrete dimensions: the bin masses estimators computed, for the next ones (they outlive a pair table). */
    private final BinMasses[] binMasses;
    /** Categorical dimensions: each kernel's choice, -1 for the prior. */
    private final int[][] choice;
    /** Numeric dimensions: the rows sorted by (internal value, trial number), as values, axis positions, numbers. */
    private final double[][] sortX;
    private final double[][] sortM;
    private final int[][] sortNum;
    /** Rows whose kernel constant parts changed in the current step, to refresh z and log z. */
    private int[] dirty = new int[16];
    private int dirtyCount;

    public KernelCache(Dimension[] dims, ParzenEstimator.Options options) {
        this.dims = dims.clone();
        this.names = new String[dims.length];
        for (int j = 0; j < dims.length; j++) {
            names[j] = dims[j].name();
        }
        this.options = options;
        int d = dims.length;
        mu = new double[d][];
        sigma = new double[d][];
        inv = new double[d][];
        mass = new double[d][];
        logTerm = new double[d][];
        pairOf = new int[d][];
        pairs = new Pairs[d];
        binMasses = new BinMasses[d];
        for (int j = 0; j < d; j++) {
            binMasses[j] = dims[j].isDiscrete() ? new BinMasses() : null;
        }
        choice = new int[d][];
        sortX = new double[d][];
        sortM = new double[d][];
        sortNum = new int[d][];
    }

    /**
     * The estimator of the observations of the finished trials {@code rows} (trial numbers, increasing, each having
     * every dimension's parameter), or {@code null} when the cache does not apply (see the class comment). The
     * estimator reads the cache's arrays in place: it is valid until the next call.
     *
     * @param weights the sampler's weights of n rows, checked
     */
    public ParzenEstimator estimator(int[] rows, Observations observations, IntFunction<double[]> weights) {
        if (options.bandwidth() != ParzenEstimator.Bandwidth.NEIGHBOURS || rows.length < MIN_ROWS + MAX_CHANGES
                || !options.clipSettledFrom(MIN_ROWS + 1)) {
            built = false;
            return null;
        }
        double[][] byNumber = new double[dims.length][];
        for (int j = 0; j < dims.length; j++) {
            byNumber[j] = observations.valuesByNumber(names[j]);
            // the estimator from scratch sorts few rows itself (by axis position), many by the observations' order
            if (dims[j].isNumeric() && 8L * rows.length < observations.sortedCount(names[j])) {
                built = false;
                return null;
            }
        }
        if (!built || n < MIN_ROWS + MAX_CHANGES || !update(rows, byNumber)) {
            rebuild(rows, byNumber, observations);
        }
        return assemble(weights.apply(rows.length));
    }

    /** Applies the rows in and out one at a time; false (nothing changed) when there are too many. */
    private boolean update(int[] rows, double[][] byNumber) {
        int[] out = new int[MAX_CHANGES];
        int[] in = new int[MAX_CHANGES];
        int outCount = 0;
        int inCount = 0;
        int a = 0;
        int b = 0;
        while (a < n || b < rows.length) {
            int x = a < n ? numbers[a] : Integer.MAX_VALUE;
            int y = b < rows.length ? rows[b] : Integer.MAX_VALUE;
            if (x == y) {
                a++;
                b++;
            } else if (x < y) {
                if (outCount + inCount == MAX_CHANGES) {
                    return false;
                }
                out[outCount++] = x;
                a++;
            } else {
                if (outCount + inCount == MAX_CHANGES) {
                    return false;
                }
                in[inCount++] = y;
                b++;
            }
        }
        for (int i = 0; i < outCount; i++) {
            remove(out[i], byNumber);
        }
        for (int i = 0; i < inCount; i++) {
            insert(in[i], byNumber);
        }
        for (int j = 0; j < dims.length; j++) {
            if (pairs[j] != null && pairs[j].needsCompaction()) {
                repair(j);
            }
        }
        return true;
    }

    /** Every kernel from the rows, as {@link ParzenEstimator}'s constructor computes them. */
    private void rebuild(int[] rows, double[][] byNumber, Observations observations) {
        n = rows.length;
        ensureCapacity(n + 1);
        System.arraycopy(rows, 0, numbers, 0, n);
        int maxNumber = n == 0 ? 0 : rows[n - 1];
        int[] rowOf = new int[maxNumber + 1];
        Arrays.fill(rowOf, -1);
        for (int i = 0; i < n; i++) {
            rowOf[rows[i]] = i;
        }
        Arrays.fill(z, 0, n + 1, 1.0);
        for (int j = 0; j < dims.length; j++) {
            Dimension dim = dims[j];
            double[] values = byNumber[j];
            if (!dim.isNumeric()) {
                for (int i = 0; i < n; i++) {
                    choice[j][i] = (int) values[rows[i]];
                }
                choice[j][n] = -1;
                continue;
            }
            // the rows in the observations' sorted order
            int[] sorted = observations.sortedNumbers(names[j]);
            int size = observations.sortedCount(names[j]);
            int p = 0;
            for (int i = 0; i < size && p < n; i++) {
                int num = sorted[i];
                if (num <= maxNumber && rowOf[num] >= 0) {
                    sortNum[j][p] = num;
                    sortX[j][p] = values[num];
                    sortM[j][p] = dim.transform(values[num]);
                    p++;
                }
            }
            if (p != n) {
                throw new IllegalStateException("the observations' sorted list of '" + names[j] + "' holds " + p
                        + " of the " + n + " rows; every row must be a finished trial that has the parameter");
            }
            for (int i = 0; i < n; i++) {
                mu[j][i] = dim.transform(values[rows[i]]);
            }
            if (dim.isDiscrete()) {
                pairs[j] = new Pairs(dim);
                binMasses[j].clear();
                Arrays.fill(pairOf[j], 0, n + 1, -1);
            }
            double lo = dim.lo();
            double hi = dim.hi();
            double range = hi - lo;
            double minSigma = ParzenEstimator.minSigma(options, range, n + 1);
            for (int q = 0; q < n; q++) {
                double s = ParzenEstimator.clip(
                        ParzenEstimator.neighbourSigma(sortM[j], q, n, lo, hi, options.considerEndpoints()),
                        minSigma, range);
                setSigma(j, rowOf[sortNum[j][q]], s);
            }
            mu[j][n] = 0.5 * (lo + hi);
            setSigma(j, n, range);
            for (int i = 0; i <= n; i++) {
                z[i] *= mass[j][i];
            }
        }
        for (int i = 0; i <= n; i++) {
            logZ[i] = z[i] != 1 ? Math.log(z[i]) : 0;
        }
        built = true;
    }

    /** Adds the row of trial {@code number}. */
    private void insert(int number, double[][] byNumber) {
        int row = -Arrays.binarySearch(numbers, 0, n, number) - 1;
        shift(row, 1);
        numbers[row] = number;
        n++;
        dirtyCount = 0;
        for (int j = 0; j < dims.length; j++) {
            Dimension dim = dims[j];
            double x = byNumber[j][number];
            if (!dim.isNumeric()) {
                choice[j][row] = (int) x;
                continue;
            }
            mu[j][row] = dim.transform(x);
            int q = sortedPosition(j, x, number, n - 1);
            int move = n - 1 - q;
            System.arraycopy(sortX[j], q, sortX[j], q + 1, move);
            System.arraycopy(sortM[j], q, sortM[j], q + 1, move);
            System.arraycopy(sortNum[j], q, sortNum[j], q + 1, move);
            sortX[j][q] = x;
            sortM[j][q] = mu[j][row];
            sortNum[j][q] = number;
            sigma[j][row] = Double.NaN;
            if (pairOf[j] != null) {
                pairOf[j][row] = -1;
            }
            refreshSigmas(j, q - 2, q + 2, n, n);
        }
        markDirty(row);
        refreshMasses();
    }

    /** Drops the row of trial {@code number}. */
    private void remove(int number, double[][] byNumber) {
        int row = Arrays.binarySearch(numbers, 0, n, number);
        dirtyCount = 0;
        for (int j = 0; j < dims.length; j++) {
            if (!dims[j].isNumeric()) {
                continue;
            }
            double x = byNumber[j][number];
            int q = sortedPosition(j, x, number, n);
            System.arraycopy(sortX[j], q + 1, sortX[j], q, n - 1 - q);
            System.arraycopy(sortM[j], q + 1, sortM[j], q, n - 1 - q);
            System.arraycopy(sortNum[j], q + 1, sortNum[j], q, n - 1 - q);
            if (pairs[j] != null) {
                pairs[j].release(pairOf[j][row]);
            }
            refreshSigmas(j, q - 2, q + 1, n - 1, n);
        }
        refreshMasses();
        shift(row + 1, -1);
        n--;
    }

    /** The first sorted position of dimension j whose (value, number) is not below (x, number), among size. */
    private int sortedPosition(int j, double x, int number, int size) {
        double[] sx = sortX[j];
        int[] sn = sortNum[j];
        int a = 0;
        int b = size;
        while (a < b) {
            int mid = (a + b) >>> 1;
            double v = sx[mid];
            if (v < x || (v == x && sn[mid] < number)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /**
     * Recomputes σ of the kernels at sorted positions [from, to] of dimension j, where {@code sorted} rows are
     * sorted (the observations) and the first {@code rows} entries of {@link #numbers} are to look rows up in.
     */
    private void refreshSigmas(int j, int from, int to, int sorted, int rows) {
        Dimension dim = dims[j];
        double lo = dim.lo();
        double hi = dim.hi();
        double range = hi - lo;
        double minSigma = ParzenEstimator.minSigma(options, range, sorted + 1);
        for (int q = Math.max(0, from); q <= Math.min(sorted - 1, to); q++) {
            int row = Arrays.binarySearch(numbers, 0, rows, sortNum[j][q]);
            double s = ParzenEstimator.clip(
                    ParzenEstimator.neighbourSigma(sortM[j], q, sorted, lo, hi, options.considerEndpoints()),
                    minSigma, range);
            if (Double.doubleToRawLongBits(s) != Double.doubleToRawLongBits(sigma[j][row])) {
                setSigma(j, row, s);
                markDirty(row);
            }
        }
    }

    /**
     * Sets kernel {@code row}'s σ in numeric dimension j and what follows from it: 1/σ, log σ + log √2π (continuous)
     * and the mass inside [lo, hi], or its (value, σ) pair (discrete; -1 before the first).
     */
    private void setSigma(int j, int row, double s) {
        Dimension dim = dims[j];
        sigma[j][row] = s;
        inv[j][row] = 1 / s;
        if (dim.isDiscrete()) {
            if (pairOf[j][row] >= 0) {
                pairs[j].release(pairOf[j][row]);
            }
            int p = pairs[j].intern(mu[j][row], s);
            pairOf[j][row] = p;
            mass[j][row] = pairs[j].mass[p];
        } else {
            logTerm[j][row] = Math.log(s) + Gaussian.LOG_SQRT_2PI;
            mass[j][row] = ParzenEstimator.innerMass(dim.lo(), dim.hi(), mu[j][row], inv[j][row]);
        }
    }

    private void markDirty(int row) {
        for (int i = 0; i < dirtyCount; i++) {
            if (dirty[i] == row) {
                return;
            }
        }
        if (dirtyCount == dirty.length) {
            dirty = Arrays.copyOf(dirty, dirtyCount * 2);
        }
        dirty[dirtyCount++] = row;
    }

    /** z and log z of the dirty rows, the product in dimension order as the estimator from scratch forms it. */
    private void refreshMasses() {
        for (int i = 0; i < dirtyCount; i++) {
            int row = dirty[i];
            double product = 1;
            for (int j = 0; j < dims.length; j++) {
                if (dims[j].isNumeric()) {
                    product *= mass[j][row];
                }
            }
            z[row] = product;
            logZ[row] = product != 1 ? Math.log(product) : 0;
        }
        dirtyCount = 0;
    }

    /** Moves the per-row arrays from {@code from} through the prior (index n) by {@code by} places. */
    private void shift(int from, int by) {
        ensureCapacity(n + 2);
        int count = n + 1 - from;
        System.arraycopy(numbers, from, numbers, from + by, Math.min(count, n - from));
        System.arraycopy(z, from, z, from + by, count);
        System.arraycopy(logZ, from, logZ, from + by, count);
        for (int j = 0; j < dims.length; j++) {
            if (!dims[j].isNumeric()) {
                System.arraycopy(choice[j], from, choice[j], from + by, count);
                continue;
            }
            System.arraycopy(mu[j], from, mu[j], from + by, count);
            System.arraycopy(sigma[j], from, sigma[j], from + by, count);
            System.arraycopy(inv[j], from, inv[j], from + by, count);
            System.arraycopy(mass[j], from, mass[j], from + by, count);
            if (logTerm[j] != null) {
                System.arraycopy(logTerm[j], from, logTerm[j], from + by, count);
            }
            if (pairOf[j] != null) {
                System.arraycopy(pairOf[j], from, pairOf[j], from + by, count);
            }
        }
    }

    /** Rebuilds discrete dimension j's pairs from its kernels, dropping the pairs no kernel uses any more. */
    private void repair(int j) {
        Pairs fresh = new Pairs(dims[j]);
        int[] newIndex = new int[pairs[j].size];
        Arrays.fill(newIndex, -1);
        for (int i = 0; i <= n; i++) {
            int p = fresh.intern(mu[j][i], sigma[j][i]);
            newIndex[pairOf[j][i]] = p;
            pairOf[j][i] = p;
        }
        pairs[j] = fresh;
        binMasses[j].renumber(newIndex, fresh.size);
    }

    private void ensureCapacity(int size) {
        if (numbers.length >= size) {
            return;
        }
        int cap = Math.max(size + 64, numbers.length + numbers.length / 2);
        numbers = Arrays.copyOf(numbers, cap);
        z = Arrays.copyOf(z, cap);
        logZ = Arrays.copyOf(logZ, cap);
        for (int j = 0; j < dims.length; j++) {
            if (!dims[j].isNumeric()) {
                choice[j] = choice[j] == null ? new int[cap] : Arrays.copyOf(choice[j], cap);
                continue;
            }
            mu[j] = grow(mu[j], cap);
            sigma[j] = grow(sigma[j], cap);
            inv[j] = grow(inv[j], cap);
            mass[j] = grow(mass[j], cap);
            sortX[j] = grow(sortX[j], cap);
            sortM[j] = grow(sortM[j], cap);
            sortNum[j] = sortNum[j] == null ? new int[cap] : Arrays.copyOf(sortNum[j], cap);
            if (dims[j].isDiscrete()) {
                pairOf[j] = pairOf[j] == null ? new int[cap] : Arrays.copyOf(pairOf[j], cap);
            } else {
                logTerm[j] = grow(logTerm[j], cap);
            }
        }
    }

    private static double[] grow(double[] a, int cap) {
        return a == null ? new double[cap] : Arrays.copyOf(a, cap);
    }

    /** The estimator of the current kernels with this decision's weights. */
    private ParzenEstimator assemble(double[] weights) {
        int k = n + 1;
        double[] cumulative = new double[k];
        double[] constant = new double[k];
        ParzenEstimator.weightTerms(weights, n, options.priorWeight(), cumulative, constant);
        for (int j = 0; j < dims.length; j++) {
            double[] t = logTerm[j];
            if (t != null) {
                for (int i = 0; i < k; i++) {
                    constant[i] -= t[i];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            // most kernels lie well inside their ranges, where the mass is exactly 1
            if (z[i] != 1) {
                constant[i] -= logZ[i];
            }
        }
        int d = dims.length;
        double[][] pairMu = new double[d][];
        double[][] pairSigma = new double[d][];
        BinMasses[] binMasses = new BinMasses[d];
        for (int j = 0; j < d; j++) {
            if (pairs[j] != null) {
                pairMu[j] = Arrays.copyOf(pairs[j].mu, pairs[j].size);
                pairSigma[j] = Arrays.copyOf(pairs[j].sigma, pairs[j].size);
                binMasses[j] = this.binMasses[j];
            }
        }
        return new ParzenEstimator(dims, k, cumulative, constant, mu, sigma, inv, pairOf, pairMu, pairSigma, choice,
                options.priorWeight(), binMasses);
    }

    /**
     * A discrete dimension's distinct (value, σ) pairs, which the estimator's bin masses are computed per: an
     * open-addressing table with a count of the kernels using each pair, so that unused pairs can be dropped.
     */
    private static final class Pairs {
        final Dimension dim;
        double[] mu = new double[16];
        double[] sigma = new double[16];
        double[] mass = new double[16];
        int[] uses = new int[16];
        int size;
        int live;
        int[] slots = new int[32];

        Pairs(Dimension dim) {
            this.dim = dim;
            Arrays.fill(slots, -1);
        }

        /** The pair (m, s), added if new, with one more use. */
        int intern(double m, double s) {
            int mask = slots.length - 1;
            int slot = hash(m, s) & mask;
            while (slots[slot] >= 0 && (mu[slots[slot]] != m || sigma[slots[slot]] != s)) {
                slot = (slot + 1) & mask;
            }
            int p = slots[slot];
            if (p < 0) {
                if (size == mu.length) {
                    mu = Arrays.copyOf(mu, size * 2);
                    sigma = Arrays.copyOf(sigma, size * 2);
                    mass = Arrays.copyOf(mass, size * 2);
                    uses = Arrays.copyOf(uses, size * 2);
                }
                p = size++;
                mu[p] = m;
                sigma[p] = s;
                mass[p] = ParzenEstimator.innerMass(dim.lo(), dim.hi(), m, 1 / s);
                slots[slot] = p;
                if (2 * size > slots.length) {
                    rehash();
                }
            }
            if (uses[p]++ == 0) {
                live++;
            }
            return p;
        }

        void release(int p) {
            if (--uses[p] == 0) {
                live--;
            }
        }

        /** True when unused pairs would make the estimator's per-pair tables noticeably larger. */
        boolean needsCompaction() {
            return size > live + Math.max(8, live / 4);
        }

        private static int hash(double m, double s) {
            long bits = (Double.doubleToLongBits(m) * 31 + Double.doubleToLongBits(s)) * 0x9E3779B97F4A7C15L;
            return (int) (bits >>> 32);
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            int mask = slots.length - 1;
            for (int p = 0; p < size; p++) {
                int slot = hash(mu[p], sigma[p]) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = p;
            }
        }
    }
}
