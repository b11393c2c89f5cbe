package dev.hpo.sampler.nsga;

import java.util.SplittableRandom;

/**
 * Blend crossover (Eshelman and Schaffer 1993): each coordinate uniformly from the parents' interval widened by
 * {@code alpha} times its length on both sides, so children can explore just beyond their parents.
 */
public record BlxAlphaCrossover(double alpha) implements Crossover {

    public BlxAlphaCrossover {
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("alpha must be at least 0, got " + alpha);
        }
    }

    public BlxAlphaCrossover() {
        this(0.5);
    }

    @Override
    public double[] cross(double[] parent1, double[] parent2, SplittableRandom random) {
        double[] child = new double[parent1.length];
        for (int i = 0; i < child.length; i++) {
            double lo = Math.min(parent1[i], parent2[i]);
            double hi = Math.max(parent1[i], parent2[i]);
            double d = hi - lo;
            double v = (lo - alpha * d) + random.nextDouble() * (d * (1 + 2 * alpha));
            child[i] = Math.min(1, Math.max(0, v));
        }
        return child;
    }
}
