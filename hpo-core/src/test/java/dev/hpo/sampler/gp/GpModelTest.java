package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.sampler.UnitSpace;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpModelTest {

    private static final GpModel MODEL = new GpModel(new UnitSpace(Map.of("x", FloatDistribution.of(0, 1))));

    private static double f(double x) {
        return Math.sin(6 * x) + 0.5 * x;
    }

    @Test
    void posteriorInterpolatesAKnownFunction() {
        double[][] x = new double[12][];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {i / 11.0};
            y[i] = f(i / 11.0);
        }
        GpModel.Posterior post = MODEL.condition(x, y, List.of(), MODEL.fit(x, y, null, 60));
        for (int i = 0; i < x.length; i++) {
            double[] p = post.predict(x[i]);
            assertEquals(y[i], p[0], 0.02, "mean at data point " + x[i][0]);
            assertTrue(p[1] < 1e-3, "variance at data point " + x[i][0] + ": " + p[1]);
        }
        double[] between = post.predict(new double[] {0.5 / 11.0 + 5 / 11.0});
        assertEquals(f(5.5 / 11.0), between[0], 0.05, "mean between data points");
    }

    @Test
    void aNoiseFreeFitHoldsTheNoiseAtItsFloorWhereAFreeFitLearnsIt() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[][] x = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble()};
            y[i] = f(x[i][0]) + 0.3 * random.nextGaussian();  // noisy values
        }
        double learned = Math.exp(MODEL.fit(x, y, null, 60).theta()[2]);
        double held = Math.exp(MODEL.fit(x, y, null, 60, true).theta()[2]);
        assertTrue(learned > 1e-2, "a free fit sees the noise: " + learned);
        assertEquals(HyperparameterFit.MIN_NOISE, held, 1e-12, "a noise-free fit keeps the floor");
        double warmHeld = Math.exp(MODEL.fit(x, y, new GpModel.Hyperparameters(new double[] {0, 0, Math.log(0.5)}), 20,
                true).theta()[2]);
        assertEquals(HyperparameterFit.MIN_NOISE, warmHeld, 1e-12, "a warm start's noise goes to the floor too");
    }

    @Test
    void varianceGrowsAwayFromTheData() {
        double[][] x = {{0.1}, {0.2}, {0.3}};
        double[] y = {f(0.1), f(0.2), f(0.3)};
        GpModel.Posterior post = MODEL.condition(x, y, List.of(), MODEL.fit(x, y, null, 60));
        assertTrue(post.predict(new double[] {0.9})[1] > 10 * post.predict(new double[] {0.2})[1]);
    }

    @Test
    void probabilitiesScoredTogetherEqualThoseScoredOneByOne() {
        double[][] x = new double[40][];
        double[] c = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {(i * 0.618) % 1};
            c[i] = x[i][0] > 0.7 ? 1 : -1; // where trials fail, as GpSampler's classifier of stopped trials sees it
        }
        GpModel.Posterior post = MODEL.condition(x, c, List.of(), MODEL.fit(x, c, null, 60));
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            points.add(new double[] {i / 299.0});
        }
        double[] together = new double[points.size()];
        post.logProbabilitiesAtMost(points, 0, together);
        for (int i = 0; i < points.size(); i++) {
            assertEquals(post.logProbabilityAtMost(points.get(i), 0, null), together[i], 0.0, "at " + points.get(i)[0]);
        }
        assertTrue(post.probabilityAtMost(new double[] {0.2}, 0) > 0.9);
        assertTrue(post.probabilityAtMost(new double[] {0.95}, 0) < 0.1);
    }

    @Test
    void pendingPointsLoseTheirExpectedImprovement() {
        double[][] x = {{0.1}, {0.5}, {0.9}};
        double[] y = {1.0, 0.0, 1.0};
        GpModel.Hyperparameters h = new GpModel.Hyperparameters(new double[] {Math.log(0.3), 0.0, Math.log(1e-6)});
        double[] pending = {0.4};
        double without = MODEL.condition(x, y, List.of(), h).logEi(pending);
        double with = MODEL.condition(x, y, List.of(pending), h).logEi(pending);
        assertTrue(with < without - 3, "log EI at a pending point " + with + " vs " + without);
    }
}
