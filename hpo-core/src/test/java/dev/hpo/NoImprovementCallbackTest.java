package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.sampler.RandomSampler;
import dev.hpo.storage.InMemoryStorage;
import org.junit.jupiter.api.Test;

class NoImprovementCallbackTest {

    @Test
    void aStudyStopsPatienceTrialsAfterItsLastImprovement() {
        // values by trial: the best improves at trials 0, 2 and 5, then never
        double[] values = {5, 6, 4, 4.5, 7, 1, 2, 3, 1.5, 9, 8, 2, 3, 4, 5};
        Study study = study(Direction.MINIMIZE);
        study.optimize(t -> values[t.number()], OptimizeOptions.builder().trials(values.length)
                .callback(new NoImprovementCallback(4)).build());
        assertEquals(10, study.trials().size(), "trials 6, 7, 8 and 9 did not improve on trial 5");
        assertEquals(1.0, study.bestValue());
    }

    @Test
    void prunedAndFailedTrialsCountAsTrialsWithoutImprovement() {
        Study study = study(Direction.MAXIMIZE);
        study.optimize(t -> {
            if (t.number() == 0) {
                return 1.0;
            }
            if (t.number() % 2 == 0) {
                throw new TrialPruned();
            }
            throw new IllegalStateException("broken");
        }, OptimizeOptions.builder().trials(20).callback(new NoImprovementCallback(3)).build());
        assertEquals(4, study.trials().size());
    }

    @Test
    void gainsSmallerThanMinDeltaAddUpBeforeTheyCount() {
        NoImprovementCallback callback = new NoImprovementCallback(100, 0.5);
        Study study = study(Direction.MINIMIZE);
        double[] values = {10, 9.8, 9.6, 9.4, 9.2};  // 0.2 each: trial 3 is 0.6 below the best of trial 0
        study.optimize(t -> values[t.number()], values.length);
        assertEquals(1, callback.sinceLastImprovement(study), "trial 4 came after the improvement at trial 3");
    }

    @Test
    void aResumedStudyThatHadStalledStopsAfterOneTrialWithoutImprovement() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.builder().name("s").storage(storage).sampler(new RandomSampler(1)).build();
        first.optimize(t -> t.number() == 0 ? 0.0 : 1.0, OptimizeOptions.builder().trials(10)
                .callback(new NoImprovementCallback(3)).build());
        assertEquals(4, first.trials().size());
        Study resumed = Study.builder().name("s").storage(storage).loadIfExists(true).build();
        resumed.optimize(t -> 1.0, OptimizeOptions.builder().trials(10).callback(new NoImprovementCallback(3)).build());
        assertEquals(5, resumed.trials().size());
    }

    @Test
    void badOptionsAndSeveralObjectivesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NoImprovementCallback(0));
        assertThrows(IllegalArgumentException.class, () -> new NoImprovementCallback(3, -1));
        Study two = Study.builder().name("two").directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> two.optimizeMulti(
                t -> new double[] {1, 2}, OptimizeOptions.builder().trials(2).callback(new NoImprovementCallback(1))
                        .build()));
        assertTrue(e.getMessage().contains("one objective"), e.getMessage());
    }

    private static Study study(Direction direction) {
        return Study.builder().name("s").storage(new InMemoryStorage()).direction(direction)
                .sampler(new RandomSampler(1)).build();
    }
}
