package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.sampler.TpeSampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials made with {@link FrozenTrial#builder()} and added to a study, as Optuna's create_trial and add_trial. */
class AddedTrialTest {

    @TempDir
    Path dir;

    private static final FloatDistribution X = FloatDistribution.of(-5, 5);
    private static final IntDistribution DEPTH = IntDistribution.of(1, 10);
    private static final CategoricalDistribution KERNEL = CategoricalDistribution.of(List.of("rbf", "linear"));

    @Test
    void addedTrialsAreTheStudysOwnWithTheirValuesParamsAndAttributes() {
        Instant start = Instant.parse("2024-05-01T10:00:00Z");
        Instant end = Instant.parse("2024-05-01T10:05:00Z");
        try (Study study = Study.builder().build()) {
            study.addTrials(List.of(
                    FrozenTrial.builder().param("x", 1.5, X).param("depth", 3, DEPTH).param("kernel", "rbf", KERNEL)
                            .value(0.25).intermediateValue(0, 0.9).intermediateValue(1, 0.4)
                            .userAttr("source", "grid search of 2024").times(start, end).build(),
                    FrozenTrial.builder().state(TrialState.PRUNED).param("x", -2.0, X).param("depth", 7, DEPTH)
                            .param("kernel", "linear", KERNEL).intermediateValue(0, 3.0).build(),
                    FrozenTrial.builder().state(TrialState.FAIL).param("x", 0.0, X).build()));
            List<FrozenTrial> trials = study.trials();
            assertEquals(List.of(0, 1, 2), trials.stream().map(FrozenTrial::number).toList());
            assertEquals(List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL),
                    trials.stream().map(FrozenTrial::state).toList());
            FrozenTrial first = trials.get(0);
            assertEquals(Map.of("x", 1.5, "depth", 3, "kernel", "rbf"), first.params());
            assertEquals(0.25, first.value());
            assertEquals(List.of(0.9, 0.4), List.copyOf(first.intermediateValues().values()));
            assertEquals("grid search of 2024", first.userAttrs().get("source"));
            assertEquals(start, first.start());
            assertEquals(end, first.complete());
            assertTrue(trials.get(1).start() != null && trials.get(1).complete() != null, "times default to now");
            assertEquals(first, study.bestTrial());
        }
    }

    @Test
    void samplersLearnFromAddedTrialsInsteadOfStartingAtRandom() {
        // TPE starts at random for its first 10 completed trials; ten added trials across the range skip that phase
        List<FrozenTrial> known = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double x = -5 + i * 10.0 / 9;
            known.add(FrozenTrial.builder().param("x", x, X).value((x - 4) * (x - 4)).build());
        }
        List<Double> drawn = new ArrayList<>();
        try (Study warm = Study.builder().sampler(new TpeSampler(1)).build()) {
            warm.addTrials(known);
            warm.optimize(t -> {
                double x = t.suggestFloat("x", -5, 5);
                drawn.add(x);
                return (x - 4) * (x - 4);
            }, 10);
        }
        long near = drawn.stream().filter(x -> Math.abs(x - 4) < 1.5).count();
        assertTrue(near >= 7, "trials drawn after the added ones: " + drawn);
    }

    @Test
    void aTrialThatNoStudyCouldRunIsRefusedWithTheReason() {
        assertEquals("a COMPLETE trial needs its value: call value(…) or values(…), or state(PRUNED) or state(FAIL)"
                + " for a trial without one", message(() -> FrozenTrial.builder().param("x", 1.0, X).build()));
        assertEquals("parameter 'x': value 7.0 is outside " + X,
                message(() -> FrozenTrial.builder().param("x", 7.0, X).value(1).build()));
        assertEquals("parameter 'kernel': " + message(() -> KERNEL.toInternal("poly")),
                message(() -> FrozenTrial.builder().param("kernel", "poly", KERNEL).value(1).build()));
        assertEquals("values [NaN] hold NaN; a trial whose objective returned NaN is a FAIL trial",
                message(() -> FrozenTrial.builder().value(Double.NaN).build()));
        assertEquals("a FAIL trial has no value, got [1.0]",
                message(() -> FrozenTrial.builder().state(TrialState.FAIL).value(1).build()));
        assertEquals("state RUNNING: a trial to add is finished (COMPLETE, PRUNED or FAIL); running trials come from"
                + " Study.ask", message(() -> FrozenTrial.builder().state(TrialState.RUNNING)));
        assertTrue(message(() -> FrozenTrial.builder().times(Instant.ofEpochSecond(10), Instant.ofEpochSecond(5)))
                .startsWith("completion "));
    }

    @Test
    void aHandMadeRecordIsCheckedWhenAddedAndLeavesTheStudyAsItWas() {
        try (Study study = Study.builder().build()) {
            FrozenTrial noDistribution = new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(1.0), Map.of("x", 1.0),
                    null, null, null, null, null, null);
            assertEquals("parameter 'x' = 1.0 has no distribution; give one for every parameter",
                    message(() -> study.addTrial(noDistribution)));
            FrozenTrial outside = new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(1.0), Map.of("x", 9.0),
                    Map.of("x", X), null, null, null, null, null);
            assertEquals("parameter 'x': value 9.0 is outside " + X, message(() -> study.addTrial(outside)));
            assertTrue(study.trials().isEmpty());
            study.addTrial(FrozenTrial.builder().param("x", 1.0, X).value(1).build());
            assertFalse(study.trials().isEmpty());
            assertEquals("parameter 'x' of study " + study.name() + " was " + X + " in earlier trials and is now "
                    + FloatDistribution.of(0, 1) + "; a name keeps one range within a study (use another name for"
                    + " another range)", message(() -> study.addTrial(FrozenTrial.builder()
                            .param("x", 0.5, FloatDistribution.of(0, 1)).value(1).build())));
        }
    }

    @Test
    void aHandMadeRecordWithValuesNoStudyCouldStoreIsRefused() {
        try (Study study = Study.builder().build()) {
            FrozenTrial nan = new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(Double.NaN), Map.of(), null, null,
                    null, null, null, null);
            assertTrue(message(() -> study.addTrial(nan)).startsWith("values [NaN] hold NaN"));
            FrozenTrial failWithValue = new FrozenTrial(0, -1, TrialState.FAIL, List.of(3.0), Map.of(), null, null,
                    null, null, null, null);
            assertEquals("a FAIL trial has no value, got [3.0]", message(() -> study.addTrial(failWithValue)));
            FrozenTrial prunedWithTwo = FrozenTrial.builder().state(TrialState.PRUNED).values(1, 2).build();
            assertEquals("the added PRUNED trial has 2 value(s), but study " + study.name() + " has 1 objective(s)",
                    message(() -> study.addTrial(prunedWithTwo)));
            assertTrue(study.trials().isEmpty());
            // a NaN trial once stood first and made bestValue() NaN
            study.addTrial(FrozenTrial.builder().value(Double.NEGATIVE_INFINITY).build());
            assertEquals(Double.NEGATIVE_INFINITY, study.bestValue());
        }
    }

    @Test
    void parametersReadBackAsSuggestionsReturnThemWhateverTheStorage() {
        for (String storage : List.of("memory:", "journal:" + dir.resolve("added.log"))) {
            try (Study study = Study.builder().storage(storage).build()) {
                study.addTrial(FrozenTrial.builder().param("x", 1, X).param("depth", 3.0, DEPTH).value(1).build());
                Map<String, Object> params = study.bestParams();
                assertEquals(1.0, params.get("x"), storage);
                assertEquals(3, params.get("depth"), storage);
            }
        }
    }

    private static String message(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
