package dev.hpo.sampler.nsga;

import java.util.SplittableRandom;

/**
 * How NSGA-II combines two parents into a child, on numeric parameters scaled to [0, 1] (log parameters in log
 * space). Categorical parameters are always inherited from one parent or the other at random.
 */
public sealed interface Crossover permits UniformCrossover, BlxAlphaCrossover, SbxCrossover {

    /** A child of two parents, each coordinate in [0, 1]; the result is clipped to [0, 1]. */
    double[] cross(double[] parent1, double[] parent2, SplittableRandom random);
}
