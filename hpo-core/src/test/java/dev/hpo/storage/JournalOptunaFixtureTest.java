package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal Optuna 5.0.0.dev wrote ({@code optuna-journal-sample.log}, described in the format notes) reads back whole. */
class JournalOptunaFixtureTest {

    @TempDir
    Path dir;
    Path journal;

    @BeforeEach
    void copyFixture() throws IOException {
        journal = dir.resolve("optuna.log");
        try (InputStream in = getClass().getResourceAsStream("/optuna-journal-sample.log")) {
            Files.copy(in, journal);
        }
    }

    private List<FrozenTrial> trials() {
        try (JournalStorage storage = new JournalStorage(journal)) {
            return storage.trials(storage.findStudy("journal-fixture").orElseThrow());
        }
    }

    @Test
    void readsTheStudyWithItsDirectionAndUserAttribute() {
        try (JournalStorage storage = new JournalStorage(journal)) {
            List<StudyInfo> studies = storage.studies();
            assertEquals(1, studies.size());
            StudyInfo s = studies.get(0);
            assertEquals(0, s.id());
            assertEquals("journal-fixture", s.name());
            assertEquals(List.of(Direction.MINIMIZE), s.directions());
            assertEquals(Map.of("created_by", "optuna_journal_fixture"), s.userAttrs());
        }
    }

    @Test
    void readsEightTrialsWithOptunasStates() {
        List<FrozenTrial> trials = trials();
        assertEquals(8, trials.size());
        List<TrialState> expected = List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.COMPLETE);
        for (int i = 0; i < 8; i++) {
            assertEquals(i, trials.get(i).number());
            assertEquals(i, trials.get(i).id());
            assertEquals(expected.get(i), trials.get(i).state(), "trial " + i);
            assertEquals(Map.of("note", "trial-" + i), trials.get(i).userAttrs());
        }
    }

    @Test
    void enqueuedTrialKeepsFixedParamsAndTheirValues() {
        FrozenTrial t0 = trials().get(0);
        assertEquals(Map.of("x", 0.5, "n_units", 64, "activation", "tanh"), t0.systemAttrs().get("fixed_params"));
        assertEquals(Map.of("x", 0.5, "n_units", 64, "activation", "tanh"), t0.params());
        assertEquals(0.55, t0.value());
        assertEquals(Map.of(0, 2.55, 1, 1.55, 2, 1.2166666666666668), t0.intermediateValues());
        assertEquals(Instant.parse("2026-11-22T14:57:39.909841Z"), t0.start());
        assertEquals(Instant.parse("2026-11-22T14:57:39.915726Z"), t0.complete());
    }

    @Test
    void parametersCarryTheirDistributions() {
        FrozenTrial t1 = trials().get(1);
        assertEquals(new FloatDistribution(-5.0, 5.0, false, null), t1.distributions().get("x"));
        assertEquals(new IntDistribution(8, 256, true, 1), t1.distributions().get("n_units"));
        assertEquals(CategoricalDistribution.of(List.of("relu", "tanh", "sigmoid")),
                t1.distributions().get("activation"));
        assertEquals(-1.254598811526375, t1.params().get("x"));
        assertEquals(216, t1.params().get("n_units"));
        assertEquals("relu", t1.params().get("activation"));
        assertEquals(6.8381033030996115, t1.value());
    }

    @Test
    void prunedTrialKeepsTheValueOptunaStored() {
        FrozenTrial t5 = trials().get(5);
        assertEquals(TrialState.PRUNED, t5.state());
        assertEquals(100.0, t5.value());
        assertEquals(Map.of(0, 100.0), t5.intermediateValues());
    }

    @Test
    void failedTrialKeepsItsParamsAndHasNoValue() {
        FrozenTrial t6 = trials().get(6);
        assertEquals(TrialState.FAIL, t6.state());
        assertNull(t6.values());
        assertEquals(3, t6.params().size());
        assertTrue(t6.intermediateValues().isEmpty());
        assertTrue(t6.complete() != null);
    }

    @Test
    void samplerSystemAttributesAreKept() {
        List<FrozenTrial> trials = trials();
        assertFalse(trials.get(3).systemAttrs().containsKey("tpe:relative_params:0"));
        assertEquals("{\"activation\": \"tanh\", \"n_units\": 44, \"x\": -4.239601267219385}",
                trials.get(7).systemAttrs().get("tpe:relative_params:0"));
    }

    @Test
    void studyLoadedFromTheFixtureHasBestValueOfTrialZero() {
        try (Study study = Study.load(new JournalStorage(journal), "journal-fixture")) {
            assertEquals(0.55, study.bestValue());
            assertEquals(0, study.bestTrial().number());
            study.storage().close();
        }
    }
}
