package dev.hpo.sampler.nsga;

import java.util.SplittableRandom;

/**
 * Takes each coordinate from the second parent with probability {@code swappingProb}, else from the first:
 * Optuna's default, robust on any space.
 */
public record UniformCrossover(double swappingProb) implements Crossover {

    public UniformCrossover {
        if (!(swappingProb >= 0 && swappingProb <= 1)) {
            throw new IllegalArgumentException("swappingProb must be in [0, 1], got " + swappingProb);
        }
    }

    public UniformCrossover() {
        this(0.5);
    }

    @Override
    public double[] cross(double[] parent1, double[] parent2, SplittableRandom random) {
        double[] child = parent1.clone();
        for (int i = 0; i < child.length; i++) {
            if (random.nextDouble() < swappingProb) {
                child[i] = parent2[i];
            }
        }
        return child;
    }
}
