package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    private static final Map<String, List<?>> SPACE = Map.of("x", List.of(3, 1, 2), "kernel", List.of("rbf", "linear"));

    private static double objective(Trial trial) {
        int x = trial.suggestInt("x", 0, 10);
        String kernel = trial.suggestCategorical("kernel", List.of("linear", "rbf", "poly"));
        return x + kernel.length();
    }

    private static Study study(Storage storage, GridSampler sampler) {
        return Study.builder().name("grid").storage(storage).sampler(sampler).loadIfExists(true).build();
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void visitsEveryCombinationOnceThenStopsTheStudy() {
        Study study = study(new InMemoryStorage(), new GridSampler(SPACE, 1));
        study.optimize(GridSamplerTest::objective, 100);
        List<Map<String, Object>> seen = params(study);
        assertEquals(6, seen.size());
        assertEquals(6, new HashSet<>(seen).size());
        for (int x : List.of(1, 2, 3)) {
            for (String k : List.of("rbf", "linear")) {
                assertTrue(seen.contains(Map.of("x", x, "kernel", k)), x + " " + k);
            }
        }
    }

    @Test
    void sameSeedSameOrderAndOtherSeedOtherOrder() {
        Map<String, List<?>> space = Map.of("a", List.of(1, 2, 3, 4), "b", List.of(1, 2, 3, 4, 5, 6));
        List<List<Map<String, Object>>> orders = new java.util.ArrayList<>();
        for (long seed : new long[] {7, 7, 8}) {
            Study study = study(new InMemoryStorage(), new GridSampler(space, seed));
            study.optimize(t -> t.suggestInt("a", 1, 4) + t.suggestInt("b", 1, 6), 100);
            orders.add(params(study));
        }
        assertEquals(orders.get(0), orders.get(1));
        assertNotEquals(orders.get(0), orders.get(2));
        assertEquals(Set.copyOf(orders.get(0)), Set.copyOf(orders.get(2)));
    }

    @Test
    void aResumedStudyContinuesTheGrid() {
        Storage storage = new InMemoryStorage();
        study(storage, new GridSampler(SPACE, 1)).optimize(GridSamplerTest::objective, 2);
        Study resumed = study(storage, new GridSampler(SPACE, 1));
        resumed.optimize(GridSamplerTest::objective, 100);
        assertEquals(6, resumed.trials().size());
        assertEquals(6, new HashSet<>(params(resumed)).size());
    }

    /** The seed decides which point a grid id means (as in Optuna), so a study resumed with another is an error. */
    @Test
    void resumingWithAnotherSeedIsAnErrorNamingTheSeed() {
        Storage storage = new InMemoryStorage();
        study(storage, new GridSampler(SPACE, 1)).optimize(GridSamplerTest::objective, 2);
        Study resumed = study(storage, new GridSampler(SPACE, 99));
        IllegalStateException e = assertThrows(IllegalStateException.class, resumed::ask);
        assertTrue(e.getMessage().contains("with seed 99") && e.getMessage().contains("the seed the study began with"),
                e.getMessage());
    }

    /** Values in another order number another grid, so, as in Optuna, trials of the one do not count for the other. */
    @Test
    void theSameValuesInAnotherOrderAreAnotherGrid() {
        Storage storage = new InMemoryStorage();
        study(storage, new GridSampler(Map.of("x", List.of(1, 2, 3)))).optimize(t -> t.suggestInt("x", 0, 9), 100);
        Study other = study(storage, new GridSampler(Map.of("x", List.of(3, 2, 1))));
        other.optimize(t -> t.suggestInt("x", 0, 9), 100);
        assertEquals(6, other.trials().size());
    }

    @Test
    void anExhaustedStudyEvaluatesOnePointAgainThenStops() {
        Storage storage = new InMemoryStorage();
        study(storage, new GridSampler(SPACE, 1)).optimize(GridSamplerTest::objective, 100);
        Study again = study(storage, new GridSampler(SPACE, 1));
        again.optimize(GridSamplerTest::objective, 100);
        assertEquals(7, again.trials().size());
    }

    @Test
    void parallelWorkersCoverTheGridWithFewRepeats() {
        Map<String, List<?>> space = Map.of("a", List.of(1, 2, 3, 4), "b", List.of(1, 2, 3));
        Study study = study(new InMemoryStorage(), new GridSampler(space, 3));
        int workers = 3;
        study.optimize(t -> t.suggestInt("a", 1, 4) * 10 + t.suggestInt("b", 1, 3),
                OptimizeOptions.builder().trials(100).parallelism(workers).build());
        assertEquals(12, new HashSet<>(params(study)).size());
        assertTrue(study.trials().size() <= 12 + workers - 1, "repeats only by workers that asked as the grid ran out: "
                + study.trials().size());
    }

    @Test
    void storesGridIdAndSearchSpaceOnEachTrial() {
        GridSampler sampler = new GridSampler(SPACE, 1);
        Study study = study(new InMemoryStorage(), sampler);
        study.optimize(GridSamplerTest::objective, 100);
        Set<Object> ids = new HashSet<>();
        for (FrozenTrial t : study.trials()) {
            Object id = t.systemAttrs().get(GridSampler.GRID_ID_ATTR);
            ids.add(id);
            assertEquals(sampler.point((Integer) id), t.params());
            assertEquals(sampler.searchSpace(), t.systemAttrs().get(GridSampler.SEARCH_SPACE_ATTR));
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), ids);
    }

    /** Optuna 5 keeps the given order (hpo sorted values before): the order is part of the grid's numbering. */
    @Test
    void valuesKeepTheGivenOrderAndNamesAreSorted() {
        GridSampler sampler = new GridSampler(SPACE, 1);
        assertEquals(List.of("kernel", "x"), List.copyOf(sampler.searchSpace().keySet()));
        assertEquals(List.of(3, 1, 2), sampler.searchSpace().get("x"));
        assertEquals(List.of("rbf", "linear"), sampler.searchSpace().get("kernel"));
    }

    /** Optuna's rule: trial k takes grid id k, so processes sharing a study take different ids without talking. */
    @Test
    void trialNumberKTakesGridIdKWhileTheGridLasts() {
        Study study = study(new InMemoryStorage(), new GridSampler(SPACE));
        study.optimize(GridSamplerTest::objective, 100);
        for (FrozenTrial t : study.trials()) {
            assertEquals(t.number(), t.systemAttrs().get(GridSampler.GRID_ID_ATTR));
        }
    }

    @Test
    void anEnqueuedGridPointCountsAsVisited() {
        Study study = study(new InMemoryStorage(), new GridSampler(SPACE, 1));
        study.enqueueTrial(Map.of("x", 2, "kernel", "rbf"));
        study.optimize(GridSamplerTest::objective, 100);
        assertEquals(6, study.trials().size());
        assertEquals(6, new HashSet<>(params(study)).size());
    }

    /**
     * Trial 4 finds grid id 4 taken by the enqueued trial 0 and takes id 0, the one id no later trial number claims,
     * so that trials 5 to 9 still take their own numbers (Optuna would evaluate id 4 again instead).
     */
    @Test
    void aTakenGridIdGivesWayToOneNoLaterTrialNumberClaims() {
        GridSampler sampler = new GridSampler(Map.of("x", List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)), 1);
        Study study = study(new InMemoryStorage(), sampler);
        study.enqueueTrial(sampler.point(4));
        study.optimize(t -> t.suggestInt("x", 0, 9), 100);
        List<Object> ids = study.trials().stream().map(t -> t.systemAttrs().get(GridSampler.GRID_ID_ATTR)).toList();
        assertEquals(List.of(4, 1, 2, 3, 0, 5, 6, 7, 8, 9), ids);
    }

    @Test
    void aParameterOutsideTheGridIsAClearError() {
        Study study = study(new InMemoryStorage(), new GridSampler(SPACE, 1));
        Failures.assertTrialFails(study, t -> objective(t) + t.suggestFloat("lr", 0, 1), "'lr'", "kernel, x");
    }

    @Test
    void aGridValueOutsideTheSuggestedRangeIsAClearError() {
        Study study = study(new InMemoryStorage(), new GridSampler(Map.of("x", List.of(50)), 1));
        Failures.assertTrialFails(study, t -> t.suggestInt("x", 0, 10), "grid value 50", "'x'");
    }

    @Test
    void invalidGridsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GridSampler(Map.of(), 1));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new GridSampler(Map.of("x", List.of()), 1));
        assertTrue(empty.getMessage().contains("'x'"));
        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class,
                () -> new GridSampler(Map.of("x", List.of(1, 1)), 1));
        assertTrue(repeated.getMessage().contains("repeated"));
    }
}
