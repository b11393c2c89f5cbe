package dev.hpo.sampler;

import java.util.SplittableRandom;

/**
 * A seeded sampler's random stream for one decision (a trial's point, a generation's restart), unrelated to every
 * other decision's. The seed and the decision's index are hashed into where the stream starts, so two decisions never
 * draw from one stream a few steps apart. (A seed xor-ed with {@link SplittableRandom}'s own increment times the
 * trial number, as CMA-ES and the GP once did, gave trial n + 1 the stream of trial n moved on by one draw: two
 * trials of a generation shared coordinates, and a one-dimensional study repeated points.)
 */
final class DecisionStream {

    private DecisionStream() {
    }

    /**
     * The stream of decision {@code index} of a sampler seeded with {@code seed}; {@code kind} tells apart the kinds
     * of decision one sampler makes (any odd constant, a different one per kind).
     */
    static SplittableRandom of(long seed, long kind, long index) {
        // SplittableRandom's first draw is a strong 64-bit mix of its seed: the start of a stream at an unrelated place
        return new SplittableRandom(new SplittableRandom(seed + kind * (index + 1)).nextLong());
    }
}
