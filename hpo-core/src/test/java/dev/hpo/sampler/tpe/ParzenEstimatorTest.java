package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    private static final ParzenEstimator.Options OPTIONS =
            new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS);

    private static ParzenEstimator estimator(Distribution d, double... observations) {
        double[] w = new double[observations.length];
        Arrays.fill(w, 1);
        return new ParzenEstimator(new Dimension[] {Dimension.of("p", d)}, new double[][] {observations}, w, OPTIONS);
    }

    @Test
    void optunasClipIsRangeOverMinOf100AndKernelsPlusOneToTheBit() {
        for (int k = 1; k <= 300; k++) {
            for (double range : new double[] {1, 15, 65.536, Math.log(1025.5) - Math.log(0.5)}) {
                assertEquals(range / Math.min(100.0, 1.0 + k), ParzenEstimator.minSigma(OPTIONS, range, k), 0.0,
                        "k = " + k + ", range = " + range);
            }
        }
    }

    @Test
    void clipFallsWithTheExponentUntilTheMinimumBandwidthFactor() {
        ParzenEstimator.Options hpo =
                new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS, 0.03, 1.5);
        // (k + 1)^-1.5: 4^-1.5 = 1/8 of the range with 3 kernels, then the floor 0.03 from
        // k + 1 = 0.03^(-2/3) ≈ 10.4 on
        assertEquals(2.0 / 8, ParzenEstimator.minSigma(hpo, 2.0, 3), 1e-15);
        assertEquals(2.0 * Math.pow(10, -1.5), ParzenEstimator.minSigma(hpo, 2.0, 9), 1e-15);
        assertEquals(2.0 * 0.03, ParzenEstimator.minSigma(hpo, 2.0, 10), 1e-15);
        assertEquals(2.0 * 0.03, ParzenEstimator.minSigma(hpo, 2.0, 500), 1e-15);
        assertTrue(hpo.clipSettledFrom(10) && !hpo.clipSettledFrom(9));
        assertTrue(OPTIONS.clipSettledFrom(99) && !OPTIONS.clipSettledFrom(98));
        ParzenEstimator.Options noClip =
                new ParzenEstimator.Options(1.0, false, false, ParzenEstimator.Bandwidth.NEIGHBOURS, 0.03, 1.5);
        assertEquals(1e-12, ParzenEstimator.minSigma(noClip, 2.0, 500), 0.0);
    }

    @Test
    void clipParametersOutsideTheirRangeAreRejected() {
        for (double f : new double[] {0, -0.1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new ParzenEstimator.Options(1.0, true, false,
                    ParzenEstimator.Bandwidth.NEIGHBOURS, f, 1.0), "minBandwidthFactor " + f);
        }
        for (double a : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> new ParzenEstimator.Options(1.0, true, false,
                    ParzenEstimator.Bandwidth.NEIGHBOURS, 0.01, a), "magicClipExponent " + a);
        }
    }

    @Test
    void neighbourBandwidthIsTheLargerGapWithEndpointsAsNeighbours() {
        double[] m = {0.5, 0.1, 0.2, 0.9};
        double[] out = new double[4];
        ParzenEstimator.neighbourSigmas(m, 4, ParzenEstimator.sortedOrder(m, 4), 0, 1, false, out);
        // sorted 0.1 0.2 0.5 0.9: outermost take their inner gap, the others the larger of both gaps
        assertArrayEquals(new double[] {0.4, 0.1, 0.3, 0.4}, out, 1e-12);
        ParzenEstimator.neighbourSigmas(m, 4, ParzenEstimator.sortedOrder(m, 4), 0, 1, true, out);
        assertArrayEquals(new double[] {0.4, 0.1, 0.3, 0.4}, out, 1e-12);
        double[] single = {0.3};
        double[] one = new double[1];
        ParzenEstimator.neighbourSigmas(single, 1, new int[] {0}, 0, 1, false, one);
        assertEquals(0.7, one[0], 1e-12);
    }

    @Test
    void continuousDensityIntegratesToOne() {
        ParzenEstimator pe = estimator(FloatDistribution.of(-2, 3), -1.9, 0.3, 0.35, 2.9);
        int n = 20_000;
        double[][] grid = new double[1][n];
        double h = 5.0 / n;
        for (int i = 0; i < n; i++) {
            grid[0][i] = -2 + (i + 0.5) * h;
        }
        double integral = Arrays.stream(pe.logPdf(grid)).map(Math::exp).sum() * h;
        assertEquals(1.0, integral, 1e-4);
    }

    @Test
    void discreteProbabilitiesSumToOneOverTheGrid() {
        List<Distribution> grids = List.of(IntDistribution.of(0, 10), IntDistribution.stepped(0, 20, 4),
                FloatDistribution.stepped(-1, 1, 0.25), IntDistribution.log(1, 200));
        for (Distribution d : grids) {
            Dimension dim = Dimension.of("p", d);
            double low = dim.low();
            double[][] values = new double[1][dim.size()];
            for (int i = 0; i < dim.size(); i++) {
                values[0][i] = low + i * dim.step();
            }
            ParzenEstimator pe = estimator(d, values[0][1], values[0][dim.size() / 2], values[0][dim.size() / 2]);
            double total = Arrays.stream(pe.logPdf(values)).map(Math::exp).sum();
            assertEquals(1.0, total, 1e-9, d.toString());
        }
    }

    @Test
    void gridColumnsAndKernelByKernelMassesGiveTheSameDensitiesToTheBit() {
        // one point per call: each grid has one value, so its masses go by column over every kernel; all points in
        // one call: a hundred values per grid against 60 kernels, so the masses go kernel by kernel after the cut
        Dimension[] dims = {Dimension.of("x", FloatDistribution.of(-5, 5)),
            Dimension.of("c", CategoricalDistribution.of(List.of("a", "b", "c"))),
            Dimension.of("i", IntDistribution.of(0, 200)), Dimension.of("s", FloatDistribution.stepped(-1, 1, 0.01)),
            Dimension.of("l", IntDistribution.log(1, 5000))};
        SplittableRandom random = new SplittableRandom(11);
        int n = 60;
        double[][] obs = new double[dims.length][n];
        for (int i = 0; i < n; i++) {
            obs[0][i] = random.nextDouble(-5, 5);
            obs[1][i] = random.nextInt(3);
            obs[2][i] = random.nextInt(40, 60);
            obs[3][i] = -1 + 0.01 * random.nextInt(200);
            obs[4][i] = 1 + random.nextInt(30);
        }
        assertColumnsMatchKernelByKernel(dims, obs);
        // grids only: the first dimension added is a column
        assertColumnsMatchKernelByKernel(Arrays.copyOfRange(dims, 2, 5), Arrays.copyOfRange(obs, 2, 5));
    }

    private static void assertColumnsMatchKernelByKernel(Dimension[] dims, double[][] obs) {
        double[] w = new double[obs[0].length];
        Arrays.fill(w, 1);
        for (ParzenEstimator.Options options : List.of(OPTIONS, new ParzenEstimator.Options(1.0, true, false,
                ParzenEstimator.Bandwidth.NEIGHBOURS, 0.03, 1.5))) {
            ParzenEstimator pe = new ParzenEstimator(dims, obs, w, options);
            double[][] points = pe.sample(new SplittableRandom(12), 300);
            double[] together = pe.logPdf(points);
            for (int s = 0; s < points[0].length; s++) {
                double[][] one = new double[dims.length][1];
                for (int j = 0; j < dims.length; j++) {
                    one[j][0] = points[j][s];
                }
                assertEquals(together[s], pe.logPdf(one)[0], 0.0, "point " + s);
            }
        }
    }

    @Test
    void categoricalProbabilitiesFollowOptunasSmoothing() {
        CategoricalDistribution d = CategoricalDistribution.of(List.of("a", "b", "c"));
        ParzenEstimator pe = estimator(d, 0, 0);
        // kernels: two on "a" (1 + 1/3 on a, 1/3 elsewhere, normalized), one uniform prior; weights 1/3 each
        double pa = (2 * ((1 + 1 / 3.0) / 2) + 1 / 3.0) / 3;
        double[] log = pe.logPdf(new double[][] {{0, 1, 2}});
        assertEquals(pa, Math.exp(log[0]), 1e-12);
        assertEquals((1 - pa) / 2, Math.exp(log[1]), 1e-12);
    }

    @Test
    void samplesStayInTheSpaceAndNearTheObservations() {
        Dimension[] dims = {Dimension.of("f", FloatDistribution.log(1e-3, 1)), Dimension.of("i", IntDistribution.of(0, 100)),
            Dimension.of("c", CategoricalDistribution.of(List.of(1, 2, 4)))};
        double[][] obs = {{0.01, 0.011, 0.012, 0.009}, {50, 51, 49, 50}, {2, 2, 2, 2}};
        ParzenEstimator pe = new ParzenEstimator(dims, obs, new double[] {1, 1, 1, 1}, OPTIONS);
        double[][] s = pe.sample(new SplittableRandom(4), 2000);
        int near = 0;
        for (int i = 0; i < 2000; i++) {
            assertTrue(s[0][i] >= 1e-3 && s[0][i] <= 1);
            assertTrue(s[1][i] >= 0 && s[1][i] <= 100 && s[1][i] == Math.rint(s[1][i]));
            assertTrue(s[2][i] == 0 || s[2][i] == 1 || s[2][i] == 2);
            if (Math.abs(s[1][i] - 50) <= 20) {
                near++;
            }
        }
        // four of the five kernels sit at 49..51 (σ raised to range/6 by the magic clip), the prior spreads the
        // fifth: about two thirds land within ±20, against 40 % for uniform draws
        assertTrue(near > 1150, "samples near the observations: " + near);
    }
}
