package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.sampler.RandomSampler;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyStudyTest {

    @Test
    void aStudyMovesToAJournalWithEveryTrialAsItWas(@TempDir Path dir) {
        InMemoryStorage memory = new InMemoryStorage();
        Study study = mixedStudy(memory);
        Path journal = dir.resolve("copy.log");
        try (JournalStorage target = new JournalStorage(journal)) {
            Storages.copyStudy(memory, "source", target, "moved");
        }
        try (JournalStorage reopened = new JournalStorage(journal)) {
            assertSameStudy(study, reopened, "moved");
        }
    }

    @Test
    void andOutOfAJournalIntoADatabase(@TempDir Path dir) {
        try (JournalStorage journal = new JournalStorage(dir.resolve("source.log"));
                JdbcStorage database = new JdbcStorage("jdbc:h2:mem:copy;DB_CLOSE_DELAY=-1")) {
            Study study = mixedStudy(journal);
            Storages.copyStudy(journal, "source", database, "shared");
            assertSameStudy(study, database, "shared");
        }
    }

    /** Trials in every state, with attributes, intermediate values and a categorical parameter. */
    private static Study mixedStudy(Storage storage) {
        Study study = Study.builder().name("source").storage(storage).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(4)).build();
        study.setUserAttr("dataset", "digits");
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            String kind = t.suggestCategorical("kind", List.of("a", "b"));
            t.setUserAttr("note", kind + x);
            t.report(0, x / 2);
            if (t.number() == 3) {
                throw new TrialPruned();
            }
            if (t.number() == 5) {
                throw new IllegalStateException("boom");
            }
            return x;
        }, 8);
        Trial running = study.ask();
        running.suggestFloat("x", 0, 1);
        study.enqueueTrial(Map.of("x", 0.5, "kind", "b"));
        return study;
    }

    private static void assertSameStudy(Study study, Storage target, String name) {
        long id = target.findStudy(name).orElseThrow();
        StudyInfo info = target.study(id);
        assertEquals(List.of(Direction.MAXIMIZE), info.directions());
        assertEquals("digits", info.userAttrs().get("dataset"));
        List<FrozenTrial> copied = target.trials(id);
        List<FrozenTrial> original = study.trials();
        assertEquals(original.size(), copied.size());
        for (int i = 0; i < original.size(); i++) {
            FrozenTrial a = original.get(i);
            FrozenTrial b = copied.get(i);
            assertEquals(a.number(), b.number());
            assertEquals(a.state(), b.state(), "trial " + i);
            assertEquals(a.values(), b.values());
            assertEquals(a.params(), b.params());
            assertEquals(a.distributions(), b.distributions());
            assertEquals(a.intermediateValues(), b.intermediateValues());
            assertEquals(a.userAttrs(), b.userAttrs());
            assertEquals(a.systemAttrs(), b.systemAttrs());
            assertEquals(micros(a.start()), micros(b.start()), "the journal keeps microseconds, as Optuna writes them");
            assertEquals(micros(a.complete()), micros(b.complete()));
        }
        assertTrue(copied.stream().map(FrozenTrial::state).toList().containsAll(List.of(TrialState.COMPLETE,
                TrialState.PRUNED, TrialState.FAIL, TrialState.RUNNING, TrialState.WAITING)));
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void missingSourceAndTakenTargetAreErrors() {
        InMemoryStorage from = new InMemoryStorage();
        InMemoryStorage to = new InMemoryStorage();
        from.createStudy("a", List.of(Direction.MINIMIZE));
        to.createStudy("a", List.of(Direction.MINIMIZE));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Storages.copyStudy(from, "b", to, "b"));
        assertTrue(missing.getMessage().contains("'b'") && missing.getMessage().contains("[a]"), missing.getMessage());
        assertThrows(DuplicateStudyException.class, () -> Storages.copyStudy(from, "a", to, "a"));
    }
}
