package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.SplittableRandom;

/**
 * Draws every parameter independently and uniformly (log-uniformly on log scales). The baseline every other
 * sampler must beat, and what model-based samplers use for their start-up trials. A seeded sampler that resumes a
 * study draws new points, not the previous run's again ({@link ResumableStream}).
 */
public final class RandomSampler implements Sampler {

    private final long seed;
    /** Started at the first draw; see {@link ResumableStream}. */
    private SplittableRandom random;

    /** A sampler with a random seed. */
    public RandomSampler() {
        this(new SplittableRandom().nextLong());
    }

    public RandomSampler(long seed) {
        this.seed = seed;
    }

    @Override
    public synchronized double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        if (random == null) {
            random = ResumableStream.startingAt(seed, trial);
        }
        return sample(random, distribution);
    }

    /** One uniform draw from a distribution, in its internal representation. */
    public static double sample(SplittableRandom random, Distribution distribution) {
        if (distribution instanceof FloatDistribution f) {
            if (f.isSingle()) {
                return f.low();
            }
            if (f.log()) {
                double lo = Math.log(f.low());
                double hi = Math.log(f.high());
                return Math.min(f.high(), Math.max(f.low(), Math.exp(lo + random.nextDouble() * (hi - lo))));
            }
            if (f.step() != null) {
                return f.round(f.low() + random.nextLong(f.gridSize()) * f.step());
            }
            return f.low() + random.nextDouble() * (f.high() - f.low());
        }
        if (distribution instanceof IntDistribution i) {
            if (i.log()) {
                double lo = Math.log(i.low() - 0.5);
                double hi = Math.log(i.high() + 0.5);
                return i.round(Math.exp(lo + random.nextDouble() * (hi - lo)));
            }
            return i.low() + random.nextLong(i.size()) * i.step();
        }
        return random.nextInt(((CategoricalDistribution) distribution).size());
    }
}
