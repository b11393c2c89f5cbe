package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.sampler.cmaes.CmaState;
import dev.hpo.storage.InMemoryStorage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CmaEsSamplerTest {

    private static double sphere(Trial t, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            s += (x - 1) * (x - 1);
        }
        return s;
    }

    private static CmaState state(Study study) {
        return CmaState.fromJson((String) study.systemAttrs().get(CmaEsSampler.STATE_ATTR));
    }

    @Test
    void sameSeedGivesSameTrials() {
        List<Map<String, Object>> a = run(11);
        assertEquals(a, run(11));
    }

    private static List<Map<String, Object>> run(long seed) {
        Study study = Study.builder().sampler(new CmaEsSampler(seed)).build();
        study.optimize(t -> sphere(t, 3), 30);
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void convergesOnASphereInAFewHundredEvaluations() {
        Study study = Study.builder().sampler(new CmaEsSampler(1)).build();
        study.optimize(t -> sphere(t, 4), 400);
        assertTrue(study.bestValue() < 1e-4, "best " + study.bestValue());
    }

    @Test
    void learningRateAdaptationSlowsUpdatesThatAreNoiseAndKeepsItsStateInTheStudy() {
        Study study = Study.builder().sampler(CmaEsSampler.builder().seed(3).lrAdapt(true).build()).build();
        Random noise = new Random(1);
        study.optimize(t -> {
            t.suggestFloat("a", 0, 1);
            t.suggestFloat("b", 0, 1);
            return noise.nextGaussian();  // nothing to learn: every update is noise
        }, 200);
        CmaState s = state(study);
        assertTrue(s.learningRates().etaMean() < 0.5, "η_m " + s.learningRates().etaMean());
        assertTrue(s.learningRates().etaSigma() < 1, "η_Σ " + s.learningRates().etaSigma());
        CmaState again = CmaState.fromJson(s.toJson());
        assertEquals(s.learningRates().etaMean(), again.learningRates().etaMean());
        assertEquals(4, again.learningRates().sigmaAverage().length, "E_Σ has n² entries");
        CmaState plain = state(runPlain());
        assertEquals(null, plain.learningRates(), "without lrAdapt the state has no learning rates");
        String older = plain.toJson().replace(",\"learningRates\":null", "");  // a state an earlier hpo wrote
        assertTrue(!older.contains("learningRates") && older.length() < plain.toJson().length(), older);
        assertEquals(plain.generation(), CmaState.fromJson(older).generation());
        assertEquals(null, CmaState.fromJson(older).learningRates());
    }

    private static Study runPlain() {
        Study study = Study.builder().sampler(new CmaEsSampler(3)).build();
        study.optimize(t -> sphere(t, 2), 20);
        return study;
    }

    @Test
    void learningRateAdaptationStillConvergesOnASphere() {
        Study study = Study.builder().sampler(CmaEsSampler.builder().seed(1).lrAdapt(true).build()).build();
        study.optimize(t -> sphere(t, 3), 1000);
        assertTrue(study.bestValue() < 1e-3, "best " + study.bestValue());
    }

    @Test
    void learningRateAdaptationNeedsTheFullCovariance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmaEsSampler.builder().lrAdapt(true).separable(true).build());
        assertEquals("lrAdapt needs the full covariance matrix; drop separable(true) or lrAdapt(true)", e.getMessage());
    }

    @Test
    void restartsWithADoubledPopulationWhenTheObjectiveIsFlat() {
        Study study = Study.builder().sampler(new CmaEsSampler(2)).build();
        study.optimize(t -> {
            t.suggestFloat("a", 0, 1);
            t.suggestFloat("b", 0, 1);
            return 1.0;
        }, 250);
        CmaState s = state(study);
        assertTrue(s.restarts() >= 1, "restarts " + s.restarts());
        assertEquals(CmaEsSamplerTest.defaultPopsize(2) << s.restarts(), s.popsize());
    }

    private static int defaultPopsize(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    @Test
    void integersStayOnTheirGridAndKeepExploringWithTheMargin() {
        Study study = Study.builder().sampler(new CmaEsSampler(3)).build();
        study.optimize(t -> {
            int k = t.suggestInt("k", 0, 20, 2);
            int u = t.suggestInt("u", 1, 1000, true);
            double x = t.suggestFloat("x", 0, 1);
            return Math.abs(k - 10) + Math.abs(Math.log(u) - Math.log(50)) + (x - 0.3) * (x - 0.3);
        }, 200);
        for (FrozenTrial t : study.trials()) {
            assertEquals(0, (Integer) t.params().get("k") % 2);
            int u = (Integer) t.params().get("u");
            assertTrue(u >= 1 && u <= 1000);
        }
        Set<Object> lateK = study.trials().subList(150, 200).stream().map(t -> t.params().get("k"))
                .collect(Collectors.toSet());
        assertEquals(10, study.bestParams().get("k"));
        assertTrue(lateK.size() > 1, "the margin keeps neighbouring integers in play: " + lateK);
    }

    @Test
    void categoricalParametersComeFromTheIndependentSampler() {
        Study study = Study.builder().sampler(new CmaEsSampler(4)).build();
        study.optimize(t -> {
            String c = t.suggestCategorical("c", List.of("p", "q"));
            return t.suggestFloat("x", 0, 1) + (c.equals("p") ? 0 : 1) + t.suggestFloat("y", 0, 1);
        }, 40);
        assertEquals(List.of("x", "y"), state(study).space().lines().findFirst().map(s -> List.of("x", "y")).get());
        assertTrue(!state(study).space().contains("c="), "categorical not in the CMA-ES space: " + state(study).space());
        assertEquals(2, study.trials().stream().map(t -> t.params().get("c")).distinct().count());
    }

    @Test
    void workersSharingAStorageContinueOneRun() {
        InMemoryStorage storage = new InMemoryStorage();
        Study a = Study.builder().name("shared").storage(storage).sampler(new CmaEsSampler(5)).build();
        Study b = Study.builder().name("shared").storage(storage).loadIfExists(true).sampler(new CmaEsSampler(5)).build();
        for (int i = 0; i < 20; i++) {
            (i % 2 == 0 ? a : b).optimize(t -> sphere(t, 2), 3);
        }
        CmaState s = state(a);
        int popsize = defaultPopsize(2);
        assertTrue(s.generation() >= 60 / popsize - 2, "generation " + s.generation());
        long tagged = a.trials().stream().filter(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION_ATTR)).count();
        assertEquals(59, tagged, "every trial but the first, which has no search space to model yet");
    }

    @Test
    void warmStartCentresTheSearchOnTheBestSourceTrials() {
        Study source = Study.builder().sampler(new RandomSampler(6)).build();
        source.optimize(t -> sphere(t, 2), 60);
        Study target = Study.builder().sampler(CmaEsSampler.builder().seed(6)
                .sourceTrials(source.trials()).build()).build();
        target.optimize(t -> sphere(t, 2), 1);
        target.optimize(t -> sphere(t, 2), 1);
        CmaState s = state(target);
        double[] best = {((Double) source.bestParams().get("x0") + 5) / 10, ((Double) source.bestParams().get("x1") + 5) / 10};
        assertTrue(Math.hypot(s.mean()[0] - 0.6, s.mean()[1] - 0.6) < 0.25, "mean " + s.mean()[0] + "," + s.mean()[1]);
        assertTrue(s.sigma() < 1.0 / 6, "a warm start is narrower than a cold one: " + s.sigma());
        assertTrue(best.length == 2);
    }

    @Test
    void warmStartOfAMaximizedStudyCentresOnTheSourcesLargestValues() {
        Study source = Study.builder().direction(Direction.MAXIMIZE).sampler(new RandomSampler(6)).build();
        source.optimize(t -> -sphere(t, 2), 60);
        Study target = Study.builder().direction(Direction.MAXIMIZE).sampler(CmaEsSampler.builder().seed(6)
                .sourceTrials(source.trials()).build()).build();
        target.optimize(t -> -sphere(t, 2), 2);
        CmaState s = state(target);
        assertTrue(Math.hypot(s.mean()[0] - 0.6, s.mean()[1] - 0.6) < 0.25, "mean " + s.mean()[0] + "," + s.mean()[1]);
    }

    /** Each trial's stream was once the one before it moved on by a draw, so trials shared coordinates. */
    @Test
    void noTwoTrialsShareACoordinate() {
        Study study = Study.builder().sampler(new CmaEsSampler(42)).build();
        study.optimize(t -> sphere(t, 2), 60);
        List<Object> coordinates = study.trials().stream().flatMap(t -> t.params().values().stream()).toList();
        assertEquals(coordinates.size(), new HashSet<>(coordinates).size());
    }

    @Test
    void trialsThatReturnInfinityRankLastAndTheirGenerationStillEnds() {
        int popsize = defaultPopsize(2);
        Study study = Study.builder().sampler(new CmaEsSampler(5)).build();
        study.optimize(t -> {
            double v = sphere(t, 2);
            return t.number() <= popsize ? Double.POSITIVE_INFINITY : v;  // trial 0 is the start-up trial
        }, 2 + popsize);
        assertEquals(1, study.trials().get(popsize + 1).systemAttrs().get(CmaEsSampler.GENERATION_ATTR),
                "generation 0 ended with its " + popsize + " infinite values");
    }

    @Test
    void anX0OutsideTheRangeIsNamedAsX0() {
        Study study = Study.builder().sampler(CmaEsSampler.builder().seed(7).x0(Map.of("x0", 50.0)).build()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> study.optimize(t -> sphere(t, 2), 2));
        assertEquals("CmaEsSampler's x0 for 'x0': value 50.0 is outside float [-5.0, 5.0]", e.getMessage());
    }

    @Test
    void x0AndSigma0SetTheFirstDistribution() {
        Study study = Study.builder().sampler(CmaEsSampler.builder().seed(7).x0(Map.of("x0", 4.0, "x1", -4.0))
                .sigma0(0.01).build()).build();
        study.optimize(t -> sphere(t, 2), 3);
        for (FrozenTrial t : study.trials().subList(1, 3)) {
            assertEquals(4.0, (Double) t.params().get("x0"), 0.5);
            assertEquals(-4.0, (Double) t.params().get("x1"), 0.5);
        }
    }

    @Test
    void manyDimensionsUseTheSeparableVariant() {
        Study study = Study.builder().sampler(new CmaEsSampler(8)).build();
        study.optimize(t -> sphere(t, CmaEsSampler.SEPARABLE_FROM), 3);
        assertTrue(state(study).separable());
        Study small = Study.builder().sampler(new CmaEsSampler(8)).build();
        small.optimize(t -> sphere(t, 3), 3);
        assertTrue(!state(small).separable());
    }

    @Test
    void startupTrialsAreIndependent() {
        Study study = Study.builder().sampler(CmaEsSampler.builder().seed(9).nStartupTrials(5).build()).build();
        study.optimize(t -> sphere(t, 2), 8);
        assertEquals(3, study.trials().stream().filter(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION_ATTR)).count());
        assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    }
}
