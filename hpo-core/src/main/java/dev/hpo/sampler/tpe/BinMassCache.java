package dev.hpo.sampler.tpe;

/**
 * A memo of the log bin masses of one discrete parameter, kept across the sampling decisions of a study: the mass
 * a kernel N(μ, σ²) gives to the bin of grid value x depends on (x, μ, σ) and the parameter's grid alone, and in
 * consecutive decisions the same triples come back again and again (the observations' grid values do not move,
 * most bandwidths of g(x) sit at the clip's minimum, and the candidates drawn from ℓ(x) gather on a few grid
 * values). A hit returns the value computed the first time, so results are the same bit for bit as without it.
 *
 * <p>An open-addressing table over the three values' bits, emptied when it gets full, so its memory is bounded.
 * One instance serves one parameter grid ({@link Dimension} of one distribution); not thread safe (the sampler
 * that owns it locks).
 */
public final class BinMassCache {

    private static final int CAPACITY = 1 << 13;
    private static final int MAX_SIZE = CAPACITY / 2;
    /** One entry: the bits of x, μ and σ, then the value and the factor, side by side for one memory access. */
    private static final int STRIDE = 5;
    /** The x of a free entry: a NaN, which no grid value is. */
    private static final long FREE = 0x7ff8dead0000beefL;

    private final long[] table = new long[CAPACITY * STRIDE];
    private int size;

    public BinMassCache() {
        clear();
    }

    private void clear() {
        for (int i = 0; i < table.length; i += STRIDE) {
            table[i] = FREE;
        }
        size = 0;
    }

    /**
     * The entry of (x, μ, σ): where {@link #value} and {@link #factor} are, or, when {@link #isSet} is false, where
     * {@link #put} stores them.
     */
    int slot(double x, double mu, double sigma) {
        long bx = Double.doubleToRawLongBits(x);
        long bm = Double.doubleToRawLongBits(mu);
        long bs = Double.doubleToRawLongBits(sigma);
        long h = ((bx * 0x9E3779B97F4A7C15L + bm) * 0xC2B2AE3D27D4EB4FL + bs) * 0x165667B19E3779F9L;
        int at = (int) (h >>> (64 - Integer.numberOfTrailingZeros(CAPACITY))) * STRIDE;
        long[] t = table;
        while (t[at] != FREE && (t[at] != bx || t[at + 1] != bm || t[at + 2] != bs)) {
            at += STRIDE;
            if (at == t.length) {
                at = 0;
            }
        }
        return at;
    }

    boolean isSet(int slot) {
        return table[slot] != FREE;
    }

    double value(int slot) {
        return Double.longBitsToDouble(table[slot + 3]);
    }

    double factor(int slot) {
        return Double.longBitsToDouble(table[slot + 4]);
    }

    /**
     * Stores the mass of (x, μ, σ) in the free entry found by {@link #slot}; when the table is full it is emptied
     * instead and this mass is not kept.
     */
    void put(int slot, double x, double mu, double sigma, double v, double f) {
        if (size >= MAX_SIZE) {
            clear();
            return;
        }
        table[slot] = Double.doubleToRawLongBits(x);
        table[slot + 1] = Double.doubleToRawLongBits(mu);
        table[slot + 2] = Double.doubleToRawLongBits(sigma);
        table[slot + 3] = Double.doubleToRawLongBits(v);
        table[slot + 4] = Double.doubleToRawLongBits(f);
        size++;
    }
}
