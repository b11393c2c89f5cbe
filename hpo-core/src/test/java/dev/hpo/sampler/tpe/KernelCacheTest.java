package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KernelCacheTest {

    private static final ParzenEstimator.Options OPTIONS =
            new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS);

    /** Every kind of dimension, on coarse grids so that values repeat and σ runs into ties and the clip. */
    private static double objective(Trial t) {
        double a = t.suggestFloat("a", -1, 1);
        double b = t.suggestFloat("b", 1e-3, 1, true);
        double c = t.suggestFloat("c", 0, 1, 0.25);
        int d = t.suggestInt("d", 0, 6);
        int e = t.suggestInt("e", 1, 64, true);
        String f = t.suggestCategorical("f", List.of("x", "y", "z"));
        return a + b + c + d + e + f.length();
    }

    private static List<FrozenTrial> trials(int count) {
        Study study = Study.builder().sampler(new RandomSampler(11)).pruner(new NopPruner()).build();
        study.optimize(KernelCacheTest::objective, count);
        return study.trials();
    }

    private static Dimension[] dimensions(FrozenTrial t) {
        Map<String, Distribution> space = new TreeMap<>(t.distributions());
        List<Dimension> out = new ArrayList<>();
        space.forEach((name, d) -> out.add(Dimension.of(name, d)));
        return out.toArray(new Dimension[0]);
    }

    private static double[] weights(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / n + i * 0.75 / n;
        }
        return w;
    }

    /** hpo's default clip of multivariate TPE: floor 0.03 of the range, exponent 1.5. */
    private static final ParzenEstimator.Options HPO_CLIP =
            new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS, 0.03, 1.5);

    @Test
    void estimatorEqualsTheOneBuiltFromScratchAfterEveryChangeOfRows() {
        assertCacheEqualsScratch(OPTIONS);
    }

    @Test
    void withHposClipTheEstimatorEqualsTheOneBuiltFromScratch() {
        assertCacheEqualsScratch(HPO_CLIP);
    }

    @Test
    void aClipStillFallingAtTheCachesSizeIsLeftToTheEstimatorFromScratch() {
        // (k + 1)^-1 reaches the floor 0.001 only at 999 kernels: σ of every kernel would change with n
        ParzenEstimator.Options falling =
                new ParzenEstimator.Options(1.0, true, false, ParzenEstimator.Bandwidth.NEIGHBOURS, 0.001, 1.0);
        List<FrozenTrial> all = trials(300);
        Dimension[] dims = dimensions(all.get(0));
        String[] names = names(dims);
        Observations observations = new Observations();
        int[] rows = observations.finishedRows(all, names);
        assertNull(new KernelCache(dims, falling).estimator(rows, observations, KernelCacheTest::weights));
        assertNotNull(new KernelCache(dims, HPO_CLIP).estimator(rows, observations, KernelCacheTest::weights));
    }

    private static void assertCacheEqualsScratch(ParzenEstimator.Options options) {
        List<FrozenTrial> all = trials(420);
        Dimension[] dims = dimensions(all.get(0));
        String[] names = new String[dims.length];
        boolean[] numeric = new boolean[dims.length];
        for (int j = 0; j < dims.length; j++) {
            names[j] = dims[j].name();
            numeric[j] = dims[j].isNumeric();
        }
        Observations observations = new Observations();
        KernelCache cache = new KernelCache(dims, options);
        SplittableRandom random = new SplittableRandom(3);
        boolean[] in = new boolean[all.size()];
        for (int i = 0; i < 300; i++) {
            in[i] = true;
        }
        for (int step = 0; step < 120; step++) {
            // a few rows in and out: at the end (a new trial), in the middle, at the ends of the sorted values
            int changes = step % 40 == 39 ? KernelCache.MAX_CHANGES + 3 : 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int at = step % 3 == 0 ? Math.min(all.size() - 1, 300 + step) : random.nextInt(all.size());
                in[at] = !in[at];
            }
            List<FrozenTrial> rowsTrials = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (in[i]) {
                    rowsTrials.add(all.get(i));
                }
            }
            int[] rows = observations.finishedRows(rowsTrials, names);
            ParzenEstimator cached = cache.estimator(rows, observations, KernelCacheTest::weights);
            assertNotNull(cached, "the cache applies to " + rows.length + " finished rows");
            Observations.Matrix m = observations.matrix(rowsTrials, names, numeric);
            ParzenEstimator scratch = new ParzenEstimator(dims, m.columns(), m.order(), weights(m.size()), options);
            long seed = random.nextLong();
            double[][] points = scratch.sample(new SplittableRandom(seed), 16);
            double[][] cachedPoints = cached.sample(new SplittableRandom(seed), 16);
            for (int j = 0; j < dims.length; j++) {
                assertArrayEquals(points[j], cachedPoints[j], "draws of " + names[j] + " at step " + step);
            }
            assertArrayEquals(scratch.logPdf(points), cached.logPdf(points), "log densities at step " + step);
        }
    }

    @Test
    void fewRowsAreLeftToTheEstimatorFromScratch() {
        List<FrozenTrial> all = trials(60);
        Dimension[] dims = dimensions(all.get(0));
        String[] names = names(dims);
        Observations observations = new Observations();
        int[] rows = observations.finishedRows(all, names);
        assertNull(new KernelCache(dims, OPTIONS).estimator(rows, observations, KernelCacheTest::weights));
    }

    private static String[] names(Dimension[] dims) {
        String[] names = new String[dims.length];
        for (int j = 0; j < dims.length; j++) {
            names[j] = dims[j].name();
        }
        return names;
    }
}
