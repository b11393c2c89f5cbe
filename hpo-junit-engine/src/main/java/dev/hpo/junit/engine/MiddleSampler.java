package dev.hpo.junit.engine;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.sampler.Sampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;

/**
 * The sampler of a smoke run without a known best: the middle of every range, so that a smoke run is the same
 * every time and far from the edges where objectives tend to break. The middle of a log range is its geometric
 * middle ({@code sqrt(min * max)}); on a step grid it is the grid point nearest the middle; of a choice it is the
 * first choice (the one the user lists first, usually the baseline; for an enum its first constant, for a
 * boolean {@code false}).
 */
final class MiddleSampler implements Sampler {

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return middle(distribution);
    }

    /** The middle of a distribution, in its internal representation. */
    static double middle(Distribution distribution) {
        if (distribution instanceof FloatDistribution f) {
            double mid = f.log() ? Math.sqrt(f.low()) * Math.sqrt(f.high()) : f.low() + (f.high() - f.low()) / 2;
            return f.round(mid);
        }
        if (distribution instanceof IntDistribution i) {
            double mid = i.log() ? Math.sqrt((double) i.low()) * Math.sqrt((double) i.high())
                    : i.low() + (i.high() - i.low()) / 2.0;
            return i.round(mid);
        }
        if (distribution instanceof CategoricalDistribution) {
            return 0;
        }
        throw new IllegalArgumentException("no middle known for " + distribution);
    }
}
