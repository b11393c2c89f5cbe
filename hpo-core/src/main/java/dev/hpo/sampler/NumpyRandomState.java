package dev.hpo.sampler;

/**
 * The draws of numpy's legacy {@code RandomState(seed)} that Optuna's {@link GridSampler} makes, reproduced to the bit
 * so that hpo and Optuna number one grid alike: the Mersenne Twister MT19937 seeded by Matsumoto and Nishimura's
 * {@code init_genrand(seed)}, its bounded draw in {@code [0, max]} (the smallest all-ones mask above {@code max}
 * applied to 32-bit outputs, rejecting values above {@code max}) and {@code shuffle} (Fisher-Yates from the last
 * position down).
 *
 * <p>Why not commons-math3's {@code MersenneTwister(int)}: it is the same generator for seeds below 2<sup>31</sup>,
 * but it sign-extends the seed while initialising the state, so seeds in [2<sup>31</sup>, 2<sup>32</sup>), which
 * numpy and Optuna accept, start another sequence (seed 2147483648: first output 549279469 there, 652847386 in
 * numpy). The test {@code GridSamplerNumberingTest} checks this class against numpy over the whole seed range.
 */
final class NumpyRandomState {

    /** The largest seed numpy's legacy {@code RandomState} accepts, 2<sup>32</sup> − 1. */
    static final long MAX_SEED = 0xffffffffL;

    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int next = N;

    /**
     * @param seed in [0, 2<sup>32</sup>), as numpy requires
     */
    NumpyRandomState(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed " + seed + " is outside [0, " + MAX_SEED + "], the seeds of"
                    + " numpy's RandomState");
        }
        long s = seed;
        for (int i = 0; i < N; i++) {
            mt[i] = (int) s;
            s = (1812433253L * (s ^ (s >>> 30)) + i + 1) & 0xffffffffL;
        }
    }

    /** The next 32-bit output (numpy's {@code next_uint32}); read it as unsigned. */
    int nextUint32() {
        if (next == N) {
            twist();
        }
        int y = mt[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908b0df);
        }
        next = 0;
    }

    /**
     * A uniform integer in {@code [0, max]}, drawn as numpy's {@code random_interval} (and so its legacy
     * {@code randint(0, max + 1)} and {@code choice} of a list of {@code max + 1} items) draws it.
     */
    int interval(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("interval bound " + max + " is negative");
        }
        if (max == 0) {
            return 0;
        }
        int mask = -1 >>> Integer.numberOfLeadingZeros(max);
        int v;
        do {
            v = nextUint32() & mask;
        } while (Integer.compareUnsigned(v, max) > 0);
        return v;
    }

    /**
     * Shuffles in place as numpy's legacy {@code shuffle} of a list does: from the last position i down to 1, swaps
     * position i with position {@link #interval interval(i)}.
     */
    void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = interval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
