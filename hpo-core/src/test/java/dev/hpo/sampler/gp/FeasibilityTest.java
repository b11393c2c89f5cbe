package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.sampler.UnitSpace;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The probability of feasibility a constraint GP gives, which the constrained acquisition adds in log form. */
class FeasibilityTest {

    private static final GpModel MODEL = new GpModel(new UnitSpace(Map.of("x", FloatDistribution.of(0, 1))));

    /** Constraint c(x) = x − 0.4 (feasible left of 0.4), observed at 8 points, the last one huge if asked. */
    private static GpModel.Posterior constraintPosterior(boolean outlier) {
        double[][] x = {{0.05}, {0.2}, {0.3}, {0.45}, {0.6}, {0.7}, {0.85}, {0.95}};
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i][0] - 0.4;
        }
        if (outlier) {
            c[7] = 1e6;
        }
        return MODEL.condition(x, c, List.of(), MODEL.fit(x, c, null, 60));
    }

    @Test
    void probabilityOfFeasibilityIsAFiniteProbabilityEverywhere() {
        for (boolean outlier : new boolean[] {false, true}) {
            GpModel.Posterior post = constraintPosterior(outlier);
            for (int i = 0; i <= 200; i++) {
                double p = post.probabilityAtMost(new double[] {i / 200.0}, 0);
                assertTrue(Double.isFinite(p) && p >= 0 && p <= 1, "P(feasible) at " + i / 200.0 + " = " + p);
            }
        }
    }

    @Test
    void probabilityOfFeasibilityIsHighWhereTheConstraintIsSatisfied() {
        GpModel.Posterior post = constraintPosterior(false);
        assertTrue(post.probabilityAtMost(new double[] {0.1}, 0) > 0.9);
        assertTrue(post.probabilityAtMost(new double[] {0.65}, 0) < 0.1);
    }

    @Test
    void logProbabilityGradientMatchesFiniteDifferences() {
        GpModel.Posterior post = constraintPosterior(false);
        for (double x0 : new double[] {0.15, 0.38, 0.52, 0.8}) {
            double[] grad = new double[1];
            post.logProbabilityAtMost(new double[] {x0}, 0, grad);
            double h = 1e-6;
            double numeric = (post.logProbabilityAtMost(new double[] {x0 + h}, 0, null)
                    - post.logProbabilityAtMost(new double[] {x0 - h}, 0, null)) / (2 * h);
            assertEquals(numeric, grad[0], 1e-4 * Math.max(1, Math.abs(numeric)), "at " + x0);
        }
    }
}
