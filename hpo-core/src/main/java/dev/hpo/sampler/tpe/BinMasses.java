package dev.hpo.sampler.tpe;

import java.util.Arrays;

/**
 * The log bin masses of one discrete dimension's (grid value, σ) pairs kept across sampling decisions: a
 * {@link KernelCache} keeps its pairs from one decision to the next, and the candidates of successive decisions take
 * the same few grid values, so most of a decision's masses were computed before. A mass is a function of the pair's
 * μ and σ and the grid value only, so a kept one is the value the estimator would compute, to the bit. Keyed by the
 * bits of μ, σ and the value; an open-addressing table, emptied when it reaches {@link #MAX_SIZE} entries.
 */
final class BinMasses {

    /** Entries beyond which the table starts afresh (about 0.4 MB). */
    private static final int MAX_SIZE = 8192;

    private boolean[] used = new boolean[64];
    private long[] muBits = new long[64];
    private long[] sigmaBits = new long[64];
    private long[] bits = new long[64];
    private double[] value = new double[64];
    private double[] factor = new double[64];
    private int size;

    /** The slot of the mass of kernel N(μ, σ²) at grid value x, or -1 when it was not kept. */
    int find(double mu, double sigma, double x) {
        long m = Double.doubleToRawLongBits(mu);
        long s = Double.doubleToRawLongBits(sigma);
        long b = Double.doubleToRawLongBits(x);
        int mask = used.length - 1;
        for (int i = hash(m, s, b) & mask; used[i]; i = (i + 1) & mask) {
            if (bits[i] == b && muBits[i] == m && sigmaBits[i] == s) {
                return i;
            }
        }
        return -1;
    }

    /** The Gaussian part of the log mass in {@code slot} (see {@link ParzenEstimator}'s bin terms). */
    double value(int slot) {
        return value[slot];
    }

    /** The series factor in {@code slot}. */
    double factor(int slot) {
        return factor[slot];
    }

    /** Keeps the mass of N(μ, σ²) at grid value x, which {@link #find} did not have. */
    void put(double mu, double sigma, double x, double v, double f) {
        if (size == MAX_SIZE) {
            Arrays.fill(used, false);
            size = 0;
        }
        if (2 * (size + 1) > used.length) {
            grow();
        }
        long m = Double.doubleToRawLongBits(mu);
        long s = Double.doubleToRawLongBits(sigma);
        long b = Double.doubleToRawLongBits(x);
        int mask = used.length - 1;
        int i = hash(m, s, b) & mask;
        while (used[i]) {
            i = (i + 1) & mask;
        }
        used[i] = true;
        muBits[i] = m;
        sigmaBits[i] = s;
        bits[i] = b;
        value[i] = v;
        factor[i] = f;
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
        boolean[] oldUsed = used;
        long[] oldMu = muBits;
        long[] oldSigma = sigmaBits;
        long[] oldBits = bits;
        double[] oldValue = value;
        double[] oldFactor = factor;
        int cap = oldUsed.length * 2;
        used = new boolean[cap];
        muBits = new long[cap];
        sigmaBits = new long[cap];
        bits = new long[cap];
        value = new double[cap];
        factor = new double[cap];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                put(Double.longBitsToDouble(oldMu[i]), Double.longBitsToDouble(oldSigma[i]),
                        Double.longBitsToDouble(oldBits[i]), oldValue[i], oldFactor[i]);
            }
        }
    }
}
