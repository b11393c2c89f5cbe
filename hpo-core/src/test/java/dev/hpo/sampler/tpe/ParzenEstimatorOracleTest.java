package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Parzen estimator against Optuna 5.0.0's on the same observations: one mixed space (every kind of dimension),
 * unequal kernel weights, log densities at points on the bounds, on observations and in between. The expected
 * numbers come from {@code hpo-bench/optuna/parzen_oracle.py} run with Optuna 5.0.0; a change in the bandwidth rule,
 * the magic clip, the prior, the endpoint rule, the log/step transforms or the categorical smoothing shows up here.
 */
class ParzenEstimatorOracleTest {

    @Test
    void logDensitiesMatchOptuna500OnAMixedSpace() {
        List<Distribution> space = List.of(FloatDistribution.of(-2, 3), FloatDistribution.log(1e-4, 1),
                IntDistribution.of(0, 10), IntDistribution.log(1, 200), FloatDistribution.stepped(-1, 1, 0.25),
                CategoricalDistribution.of(List.of("x", "y", "z")));
        Dimension[] dims = new Dimension[space.size()];
        for (int j = 0; j < dims.length; j++) {
            dims[j] = Dimension.of("p" + j, space.get(j));
        }
        double[][] observations = {
            {-1.9, 0.3, 0.35, 2.9, 1.1, -0.4, 2.2, 0.0},
            {1e-3, 0.5, 2e-4, 0.03, 0.9, 0.0071, 0.2, 1e-4},
            {0, 3, 7, 10, 5, 1, 9, 4},
            {1, 3, 50, 200, 17, 120, 8, 2},
            {-1.0, -0.5, 0.25, 1.0, 0.0, 0.75, -0.25, 0.5},
            {0, 1, 1, 2, 0, 1, 1, 2},
        };
        double[] weights = {0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0};
        double[][] points = {
            {0.3, -2.0, 3.0, 1.0, -0.41, 2.5},
            {1e-3, 1e-4, 1.0, 0.05, 0.0069, 0.3},
            {3, 0, 10, 6, 1, 8},
            {3, 1, 200, 40, 119, 9},
            {-0.5, -1.0, 1.0, 0.25, 0.75, -0.25},
            {1, 0, 2, 1, 2, 0},
        };
        ParzenEstimator pe = new ParzenEstimator(dims, observations, weights,
                new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS));
        double[] expected = {-14.187686508916446, -8.735562360938713, -11.832933228735717, -15.531925088819627,
            -14.620096917777285, -11.514671072927818};
        assertArrayEquals(expected, pe.logPdf(points), 1e-9);
    }
}
