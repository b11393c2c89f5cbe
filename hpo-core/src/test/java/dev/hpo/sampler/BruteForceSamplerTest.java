package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BruteForceSamplerTest {

    /** 5 float values on one branch, 3 + 2 + 1 integer pairs on the other: 11 paths. */
    private static double conditional(Trial trial) {
        String c = trial.suggestCategorical("c", List.of("float", "int"));
        if (c.equals("float")) {
            return trial.suggestFloat("x", 1, 3, 0.5);
        }
        int a = trial.suggestInt("a", 1, 3);
        int b = trial.suggestInt("b" + a, a, 3);
        return a + b;
    }

    private static Study study(Storage storage, BruteForceSampler sampler) {
        return Study.builder().name("bf").storage(storage).sampler(sampler).loadIfExists(true).build();
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void coversAConditionalSpaceExactlyOnceThenStops() {
        Study study = study(new InMemoryStorage(), new BruteForceSampler(1));
        study.optimize(BruteForceSamplerTest::conditional, 100);
        List<Map<String, Object>> seen = params(study);
        assertEquals(11, seen.size());
        assertEquals(11, new HashSet<>(seen).size());
        assertEquals(5, seen.stream().filter(p -> p.get("c").equals("float")).count());
        assertTrue(seen.contains(Map.of("c", "int", "a", 3, "b3", 3)));
        assertTrue(seen.contains(Map.of("c", "float", "x", 2.5)));
    }

    @Test
    void sameSeedSameOrderAndOtherSeedOtherOrder() {
        List<List<Map<String, Object>>> orders = new java.util.ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            Study study = study(new InMemoryStorage(), new BruteForceSampler(seed));
            study.optimize(t -> t.suggestInt("p", 0, 3) + t.suggestInt("q", 0, 3) + t.suggestInt("r", 0, 3), 100);
            orders.add(params(study));
        }
        assertEquals(64, orders.get(0).size());
        assertEquals(orders.get(0), orders.get(1));
        assertNotEquals(orders.get(0), orders.get(2));
    }

    @Test
    void aResumedStudyTriesOnlyWhatIsLeft() {
        Storage storage = new InMemoryStorage();
        study(storage, new BruteForceSampler(1)).optimize(BruteForceSamplerTest::conditional, 4);
        Study resumed = study(storage, new BruteForceSampler(2));
        resumed.optimize(BruteForceSamplerTest::conditional, 100);
        assertEquals(11, resumed.trials().size());
        assertEquals(11, new HashSet<>(params(resumed)).size());
    }

    @Test
    void parallelWorkersDoNotStopBeforeEveryPathIsTried() {
        for (long seed = 0; seed < 20; seed++) {
            Study study = study(new InMemoryStorage(), new BruteForceSampler(seed));
            study.optimize(BruteForceSamplerTest::conditional,
                    OptimizeOptions.builder().trials(100).parallelism(3).build());
            assertEquals(11, new HashSet<>(params(study)).size(), "seed " + seed);
        }
    }

    @Test
    void prunedTrialsCountAsTried() {
        Study study = study(new InMemoryStorage(), new BruteForceSampler(1));
        study.optimize(t -> {
            int x = t.suggestInt("x", 0, 4);
            if (x % 2 == 0) {
                throw new TrialPruned();
            }
            return x;
        }, 100);
        assertEquals(5, study.trials().size());
    }

    @Test
    void steppedFloatsAndIntegerStepsAreEnumeratedOnTheirGrid() {
        Study study = study(new InMemoryStorage(), new BruteForceSampler(1));
        study.optimize(t -> t.suggestFloat("f", 0.0, 0.3, 0.1) + t.suggestInt("i", 0, 10, 5), 100);
        assertEquals(12, study.trials().size());
        for (FrozenTrial t : study.trials()) {
            double f = (double) t.params().get("f");
            assertEquals(Math.round(f * 10) / 10.0, f, 1e-12);
            assertTrue(List.of(0, 5, 10).contains(t.params().get("i")));
        }
    }

    @Test
    void aFloatWithoutStepIsAClearError() {
        Study study = study(new InMemoryStorage(), new BruteForceSampler(1));
        Failures.assertTrialFails(study, t -> t.suggestFloat("lr", 0.0, 1.0), "'lr'", "step");
    }
}
