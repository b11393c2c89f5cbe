package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoSamplerTest {

    private static double bowl(dev.hpo.Trial t) {
        double x = t.suggestFloat("x", -3, 3);
        double y = t.suggestFloat("y", -3, 3);
        return x * x + y * y;
    }

    /** A study sampled by {@code auto} that has run {@code trials} trials of the bowl. */
    private static Study bowlStudy(AutoSampler auto, int trials) {
        Study study = Study.builder().sampler(auto).build();
        study.optimize(AutoSamplerTest::bowl, trials);
        return study;
    }

    @Test
    void isTheDefaultSampler() {
        assertInstanceOf(AutoSampler.class, Samplers.createDefault(List.of(Direction.MINIMIZE), 1L));
        assertInstanceOf(AutoSampler.class, Samplers.byName("auto", List.of(Direction.MINIMIZE), 1L));
    }

    @Test
    void cmaesAndGpAreKnownByName() {
        assertInstanceOf(CmaEsSampler.class, Samplers.byName("cmaes", List.of(Direction.MINIMIZE), 1L));
        assertInstanceOf(GpSampler.class, Samplers.byName("GP", List.of(Direction.MINIMIZE), null));
        assertTrue(Samplers.NAMES.containsAll(List.of("cmaes", "gp")));
    }

    @Test
    void choosesTheGpForASmallNumericStudy() {
        AutoSampler auto = new AutoSampler(1);
        assertInstanceOf(GpSampler.class, auto.choose(bowlStudy(auto, 3)));
    }

    @Test
    void switchesToAWarmStartedCmaEsOnANumericSpaceAfterTheGpBudget() {
        AutoSampler auto = new AutoSampler(2, 12);
        Study study = bowlStudy(auto, 20);
        assertInstanceOf(CmaEsSampler.class, auto.choose(study));
        List<FrozenTrial> cma = study.trials().stream()
                .filter(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION_ATTR)).toList();
        assertEquals(8, cma.size());
        assertTrue(study.bestValue() < 0.5, "best " + study.bestValue());
    }

    /** A study sampled by {@code auto} that has run {@code trials} trials of a bowl in {@code floats} floats. */
    private static Study wideStudy(AutoSampler auto, int floats, int trials, boolean categorical, boolean fixed) {
        Study study = Study.builder().sampler(auto).build();
        study.optimize(t -> {
            double f = 0;
            for (int i = 0; i < floats; i++) {
                double x = t.suggestFloat("x" + i, -5, 10);
                f += x * x;
            }
            if (categorical) {
                f += t.suggestCategorical("kernel", List.of("rbf", "linear")).equals("rbf") ? 0 : 1;
            }
            if (fixed) {
                f += t.suggestFloat("fixed", 2, 2);
            }
            return f;
        }, trials);
        return study;
    }

    @Test
    void keepsTheGpUpToItsDimension() {
        AutoSampler auto = new AutoSampler(8);
        assertInstanceOf(GpSampler.class, auto.choose(wideStudy(auto, AutoSampler.GP_MAX_DIMENSION, 3, false, false)));
    }

    @Test
    void aParameterWithOneValueDoesNotCountTowardsTheGpsDimension() {
        AutoSampler auto = new AutoSampler(8);
        assertInstanceOf(GpSampler.class, auto.choose(wideStudy(auto, AutoSampler.GP_MAX_DIMENSION, 3, false, true)));
    }

    @Test
    void skipsTheGpForCmaEsFromTheCentreAboveItsDimension() {
        AutoSampler auto = new AutoSampler(9);
        Study study = wideStudy(auto, AutoSampler.GP_MAX_DIMENSION + 1, 4, false, false);
        assertInstanceOf(CmaEsSampler.class, auto.choose(study));
        List<FrozenTrial> cma = study.trials().stream()
                .filter(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION_ATTR)).toList();
        assertEquals(List.of(1, 2, 3), cma.stream().map(FrozenTrial::number).toList(),
                "every trial after the first, whose space was not known yet, comes from CMA-ES");
        // CMA-ES starts at the centre, 2.5, with σ = 15 / 6: a mean |x − 2.5| of about 0.8 σ = 2.0; warm-started
        // from the first trial, a uniform random point, its trials would lie about 3.75 from the centre
        double fromCentre = cma.stream().flatMap(t -> t.params().values().stream())
                .mapToDouble(v -> Math.abs((Double) v - 2.5)).average().orElseThrow();
        assertTrue(fromCentre < 3.0, "mean |x - 2.5| of the CMA-ES trials: " + fromCentre);
    }

    @Test
    void keepsTheGpAboveItsDimensionWhenACategoricalParameterIsAmongThem() {
        AutoSampler auto = new AutoSampler(10);
        Study study = wideStudy(auto, AutoSampler.GP_MAX_DIMENSION + 1, 3, true, false);
        assertInstanceOf(GpSampler.class, auto.choose(study));
    }

    @Test
    void aParameterThatAppearsLateMakesTheSpaceConditional() {
        AutoSampler auto = new AutoSampler(5);
        Study study = bowlStudy(auto, 4);
        assertInstanceOf(GpSampler.class, auto.choose(study));
        study.optimize(t -> bowl(t) + t.suggestFloat("z", 0, 1), 1);
        assertInstanceOf(TpeSampler.class, auto.choose(study));
    }

    @Test
    void aSamplerUsedForASecondStudyJudgesThatStudyAlone() {
        AutoSampler auto = new AutoSampler(6);
        Study conditional = Study.builder().sampler(auto).build();
        conditional.optimize(t -> t.number() % 2 == 0 ? bowl(t) : t.suggestFloat("z", 0, 1), 4);
        assertInstanceOf(TpeSampler.class, auto.choose(conditional));
        assertInstanceOf(GpSampler.class, auto.choose(bowlStudy(auto, 3)));
    }

    @Test
    void aStudyAfterOneThatReachedCmaEsStartsWithTheGpAgain() {
        AutoSampler auto = new AutoSampler(7, 12);
        assertInstanceOf(CmaEsSampler.class, auto.choose(bowlStudy(auto, 20)));
        Study second = bowlStudy(auto, 6);
        assertInstanceOf(GpSampler.class, auto.choose(second));
        assertTrue(second.trials().stream().noneMatch(t -> t.systemAttrs().containsKey(CmaEsSampler.GENERATION_ATTR)),
                "no trial of the second study came from the first one's CMA-ES");
    }

    /** A six-parameter bowl (floats, a log float and an integer), the size of the benchmark problems. */
    private static double sixParameters(dev.hpo.Trial t) {
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, -5, 5);
            f += (i + 1) * (x - 1) * (x - 1);
        }
        double lr = Math.log10(t.suggestFloat("lr", 1e-5, 1, true)) + 3;
        int n = t.suggestInt("n", 1, 16);
        return f + lr * lr + 0.1 * (n - 5) * (n - 5);
    }

    /**
     * Pins the trials of the default sampler's GP phase on a six-parameter space, bit for bit: the benchmark problems
     * have at most six parameters, and a change to when the GP is chosen must leave what it draws for them alone.
     */
    @Test
    void theGpPhaseOnSixParametersIsPinned() {
        Study s = Study.builder().sampler(new AutoSampler(4)).pruner(new dev.hpo.pruner.NopPruner()).build();
        s.optimize(AutoSamplerTest::sixParameters, 30);
        TpeSamplerFingerprintTest.assertPinned("auto (GP phase)", 0x77bd0d8d47af89d0L, s.trials());
    }

    @Test
    void sameSeedGivesSameTrials() {
        assertEquals(run(3), run(3));
    }

    private static List<Map<String, Object>> run(long seed) {
        Study study = Study.builder().seed(seed).build();
        study.optimize(AutoSamplerTest::bowl, 14);
        return study.trials().stream().map(FrozenTrial::params).toList();
    }
}
