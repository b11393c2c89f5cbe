package dev.hpo.sampler.nsga;

import java.util.SplittableRandom;

/**
 * Simulated binary crossover with bounds (Deb and Agrawal 1995; Deb 2001): children spread around the parents
 * with a polynomial distribution whose index {@code eta} sets how close they stay (larger, closer).
 */
public record SbxCrossover(double eta) implements Crossover {

    public SbxCrossover {
        if (!(eta >= 0)) {
            throw new IllegalArgumentException("eta must be at least 0, got " + eta);
        }
    }

    public SbxCrossover() {
        this(20);
    }

    @Override
    public double[] cross(double[] parent1, double[] parent2, SplittableRandom random) {
        double[] child = parent1.clone();
        for (int i = 0; i < child.length; i++) {
            double y1 = Math.min(parent1[i], parent2[i]);
            double y2 = Math.max(parent1[i], parent2[i]);
            if (y2 - y1 < 1e-14) {
                continue;
            }
            double u = random.nextDouble();
            // β_q for the lower child, bounded by the distance of y1 to 0 (and of y2 to 1 for the upper one).
            double c1 = y1 + y2 - betaQ(1 + 2 * y1 / (y2 - y1), u) * (y2 - y1);
            double c2 = y1 + y2 + betaQ(1 + 2 * (1 - y2) / (y2 - y1), u) * (y2 - y1);
            double lower = 0.5 * c1;
            double upper = 0.5 * c2;
            double v = random.nextBoolean() ? lower : upper;
            child[i] = Math.min(1, Math.max(0, v));
        }
        return child;
    }

    private double betaQ(double beta, double u) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        if (u <= 1 / alpha) {
            return Math.pow(u * alpha, 1 / (eta + 1));
        }
        return Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }
}
