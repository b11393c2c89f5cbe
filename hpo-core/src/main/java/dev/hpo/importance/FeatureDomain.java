package dev.hpo.importance;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;

/**
 * The uniform measure fANOVA integrates a parameter over, in the coordinates the forest sees: an interval
 * for a numeric parameter (in log space for a log-scaled one, widened by half a step on each side for a
 * grid so that every grid value gets the same weight), or {@code categories} equally likely values.
 *
 * @param categories the number of choices of a categorical parameter, 0 for a numeric one
 */
record FeatureDomain(double low, double high, boolean log, int categories) {

    static FeatureDomain of(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return new FeatureDomain(0, c.size() - 1, false, c.size());
        }
        if (d instanceof IntDistribution i) {
            double half = i.step() / 2.0;
            return i.log() ? new FeatureDomain(Math.log(i.low() - 0.5), Math.log(i.high() + 0.5), true, 0)
                    : new FeatureDomain(i.low() - half, i.high() + half, false, 0);
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.log()) {
            return new FeatureDomain(Math.log(f.low()), Math.log(f.high()), true, 0);
        }
        double half = f.step() == null ? 0 : f.step() / 2.0;
        return new FeatureDomain(f.low() - half, f.high() + half, false, 0);
    }

    boolean nominal() {
        return categories > 0;
    }

    /** A parameter's internal value in this domain's coordinates. */
    double encode(double internal) {
        return log ? Math.log(internal) : internal;
    }
}
