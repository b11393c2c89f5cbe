package dev.hpo.sampler.tpe;

/**
 * The log bin masses of one discrete dimension's (grid value, σ) pairs kept across sampling decisions: a
 * {@link KernelCache} keeps its pairs from one decision to the next, and the candidates of successive decisions take
 * the same few grid values, so most of a decision's masses were computed before. A mass is a function of the pair's
 * μ and σ and the grid value only, so a kept one is the value the estimator would compute, to the bit. Keyed by the
 * bits of μ, σ and the value; an open-addressing table whose entries are {@value #STRIDE} consecutive longs (one
 * or two cache lines per look-up), emptied when it reaches {@link #MAX_SIZE} entries.
 */
final class BinMasses {

    /** Entries beyond which the table starts afresh (at most 0.6 MB). */
    private static final int MAX_SIZE = 8192;
    /** Per entry: μ, σ and x as bits, the Gaussian part of the log mass and the series factor as bits. */
    private static final int STRIDE = 5;

    /** σ's bits are never 0 (σ &gt; 0): 0 marks an empty entry. */
    private long[] table = new long[64 * STRIDE];
    private int capacity = 64;
    private int size;

    /** The index of the mass of kernel N(μ, σ²) at grid value x, or -1 when it was not kept. */
    int find(double mu, double sigma, double x) {
        long m = Double.doubleToRawLongBits(mu);
        long s = Double.doubleToRawLongBits(sigma);
        long b = Double.doubleToRawLongBits(x);
        long[] t = table;
        int mask = capacity - 1;
        for (int i = hash(m, s, b) & mask; t[i * STRIDE + 1] != 0; i = (i + 1) & mask) {
            int e = i * STRIDE;
            if (t[e + 2] == b && t[e] == m && t[e + 1] == s) {
                return e;
            }
        }
        return -1;
    }

    /** The Gaussian part of the log mass at {@code index} (see {@link ParzenEstimator}'s bin terms). */
    double value(int index) {
        return Double.longBitsToDouble(table[index + 3]);
    }

    /** The series factor at {@code index}. */
    double factor(int index) {
        return Double.longBitsToDouble(table[index + 4]);
    }

    /** Keeps the mass of N(μ, σ²) at grid value x, which {@link #find} did not have. */
    void put(double mu, double sigma, double x, double v, double f) {
        if (size == MAX_SIZE) {
            table = new long[capacity * STRIDE];
            size = 0;
        }
        if (2 * (size + 1) > capacity) {
            grow();
        }
        insert(Double.doubleToRawLongBits(mu), Double.doubleToRawLongBits(sigma), Double.doubleToRawLongBits(x),
                Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(f));
    }

    private void insert(long m, long s, long b, long v, long f) {
        int mask = capacity - 1;
        int i = hash(m, s, b) & mask;
        while (table[i * STRIDE + 1] != 0) {
            i = (i + 1) & mask;
        }
        int e = i * STRIDE;
        table[e] = m;
        table[e + 1] = s;
        table[e + 2] = b;
        table[e + 3] = v;
        table[e + 4] = f;
        size++;
    }

    /** MurmurHash3's finalizer over the three keys: doubles differ in their high bits, which must reach the low. */
    private static int hash(long m, long s, long b) {
        long h = (m * 31 + s) * 31 + b;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private void grow() {
        long[] old = table;
        capacity *= 2;
        table = new long[capacity * STRIDE];
        size = 0;
        for (int e = 0; e < old.length; e += STRIDE) {
            if (old[e + 1] != 0) {
                insert(old[e], old[e + 1], old[e + 2], old[e + 3], old[e + 4]);
            }
        }
    }
}
