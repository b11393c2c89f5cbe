package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QmcSamplerTest {

    private static final Map<String, Distribution> UNIT = Map.of("x", FloatDistribution.of(0, 1));

    private static Study study(Sampler sampler) {
        return Study.builder().sampler(sampler).build();
    }

    private static double mixed(Trial t) {
        double a = t.suggestFloat("a", -2, 3);
        double b = t.suggestFloat("b", 1e-4, 1e2, true);
        double c = t.suggestFloat("c", 0, 1, 0.25);
        int d = t.suggestInt("d", -3, 7);
        int e = t.suggestInt("e", 0, 20, 5);
        int f = t.suggestInt("f", 1, 1000, true);
        String g = t.suggestCategorical("g", List.of("x", "y", "z"));
        return a + b + c + d + e + f + g.length();
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    private static double[] xs(Study study) {
        return study.trials().stream().mapToDouble(t -> (double) t.params().get("x")).toArray();
    }

    @Test
    void valuesRespectBoundsStepsAndLogScales() {
        Study study = study(new QmcSampler(1));
        study.optimize(QmcSamplerTest::mixed, 256);
        int bBelowOne = 0;
        for (FrozenTrial t : study.trials()) {
            double a = (double) t.params().get("a");
            double b = (double) t.params().get("b");
            double c = (double) t.params().get("c");
            int d = (int) t.params().get("d");
            int e = (int) t.params().get("e");
            int f = (int) t.params().get("f");
            assertTrue(a >= -2 && a <= 3, "a " + a);
            assertTrue(b >= 1e-4 && b <= 1e2, "b " + b);
            assertTrue(List.of(0.0, 0.25, 0.5, 0.75, 1.0).contains(c), "c " + c);
            assertTrue(d >= -3 && d <= 7, "d " + d);
            assertTrue(e % 5 == 0 && e >= 0 && e <= 20, "e " + e);
            assertTrue(f >= 1 && f <= 1000, "f " + f);
            bBelowOne += b < 1 ? 1 : 0;
        }
        // On the log scale [1e-4, 1e2], 4 of 6 decades lie below 1.
        assertEquals(256 * 4 / 6.0, bBelowOne, 8);
    }

    @Test
    void everyGridValueIsReachedEvenly() {
        Study study = study(new QmcSampler(2));
        study.optimize(t -> t.suggestInt("k", 0, 3) + t.suggestFloat("u", 0, 1), 129);
        int[] counts = new int[4];
        study.trials().stream().skip(1).forEach(t -> counts[(int) t.params().get("k")]++);
        // 128 Sobol points put exactly 32 in each quarter of [0, 1), before and after a digital shift.
        assertEquals("[32, 32, 32, 32]", Arrays.toString(counts));
    }

    @Test
    void unscrambledSobolFollowsTheSequence() {
        Study study = study(QmcSampler.builder().scramble(false).searchSpace(UNIT).seed(1).build());
        study.optimize(t -> t.suggestFloat("x", 0, 1), 4);
        assertEquals("[0.0, 0.5, 0.75, 0.25]", Arrays.toString(xs(study)));
    }

    @Test
    void unscrambledHaltonFollowsTheSequence() {
        Study study = study(QmcSampler.builder().type(QmcSampler.Type.HALTON).scramble(false).searchSpace(UNIT)
                .seed(1).build());
        study.optimize(t -> t.suggestFloat("x", 0, 1), 4);
        assertEquals("[0.0, 0.5, 0.25, 0.75]", Arrays.toString(xs(study)));
    }

    @Test
    void theFirstTrialIsIndependentAndFixesTheJointSpace() {
        Study study = study(new QmcSampler(3));
        study.optimize(QmcSamplerTest::mixed, 5);
        assertTrue(study.systemAttrs().entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("qmc:sobol") && e.getValue().equals(3)),
                "trials 1..4 took points 0..3: " + study.systemAttrs());
        Trial next = study.ask();
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"),
                List.copyOf(study.sampler().inferRelativeSearchSpace(study, next.snapshot()).keySet()),
                "every parameter of more than one value, the categorical g too, by name");
    }

    @Test
    void sameSeedSameTrials() {
        Study a = study(new QmcSampler(4));
        Study b = study(new QmcSampler(4));
        a.optimize(QmcSamplerTest::mixed, 10);
        b.optimize(QmcSamplerTest::mixed, 10);
        assertEquals(params(a), params(b));
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        Study a = study(QmcSampler.builder().seed(1).searchSpace(UNIT).build());
        Study b = study(QmcSampler.builder().seed(2).searchSpace(UNIT).build());
        a.optimize(t -> t.suggestFloat("x", 0, 1), 8);
        b.optimize(t -> t.suggestFloat("x", 0, 1), 8);
        assertNotEquals(Arrays.toString(xs(a)), Arrays.toString(xs(b)));
    }

    @Test
    void sobolAndHaltonDiffer() {
        Map<String, Distribution> space = Map.of("x", FloatDistribution.of(0, 1), "y", FloatDistribution.of(0, 1));
        Study sobol = study(QmcSampler.builder().seed(1).searchSpace(space).build());
        Study halton = study(QmcSampler.builder().type(QmcSampler.Type.HALTON).seed(1).searchSpace(space).build());
        sobol.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 8);
        halton.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 8);
        assertNotEquals(params(sobol), params(halton));
    }

    @Test
    void severalWorkersContinueOneSequence() {
        Storage storage = new InMemoryStorage();
        QmcSampler.Builder builder = QmcSampler.builder().scramble(false).searchSpace(UNIT).seed(1);
        Study first = Study.builder().name("qmc").storage(storage).sampler(builder.build()).build();
        Study second = Study.builder().name("qmc").storage(storage).sampler(builder.build()).loadIfExists(true).build();
        for (int i = 0; i < 3; i++) {
            first.optimize(t -> t.suggestFloat("x", 0, 1), 1);
            second.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        }
        assertEquals("[0.0, 0.5, 0.75, 0.25, 0.375, 0.875]", Arrays.toString(xs(first)));
    }

    @Test
    void aCategoricalParameterTakesACoordinateOfTheSequenceAndIsCoveredEvenly() {
        for (boolean scramble : new boolean[] {false, true}) {
            Study study = study(QmcSampler.builder().seed(3).scramble(scramble).searchSpace(Map.of(
                    "k", dev.hpo.space.CategoricalDistribution.of(List.of("a", "b", "c", "d")),
                    "x", dev.hpo.space.FloatDistribution.of(0, 1))).build());
            study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestCategorical("k", List.of("a", "b", "c", "d"))
                    .length(), 64);
            Map<Object, Long> counts = study.trials().stream().collect(java.util.stream.Collectors.groupingBy(
                    t -> t.params().get("k"), java.util.stream.Collectors.counting()));
            assertEquals(Map.of("a", 16L, "b", 16L, "c", 16L, "d", 16L), counts, "scramble " + scramble);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QmcSampler.builder()
                .searchSpace(Map.of("k", dev.hpo.space.CategoricalDistribution.of(List.of("only")))));
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("one value"), e.getMessage());
    }
}
