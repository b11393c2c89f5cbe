package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.reportEntries;
import static dev.hpo.junit.engine.Engines.smoke;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.junit.engine.fixtures.AlwaysFailing;
import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.Flaky;
import dev.hpo.junit.engine.fixtures.FreshInstance;
import dev.hpo.junit.engine.fixtures.Kinds;
import dev.hpo.junit.engine.fixtures.Unbounded;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SmokeModeTest {

    @Test
    void smokeIsTheDefaultAndRunsEachObjectiveOnceAsATest() {
        EngineExecutionResults results = hpo().selectors(selectClass(Bowl.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).dynamicallyRegistered(0));
    }

    @Test
    void smokeRunUsesTheMiddleOfEveryRange() {
        Map<String, String> entry = reportEntries(hpo().selectors(selectClass(Kinds.class)).execute()).get(0);
        assertEquals("smoke", entry.get("hpo.mode"));
        assertEquals("100", entry.get("hpo.param.trees"), "geometric middle of the log range [10, 1000]");
        assertEquals("16", entry.get("hpo.param.depth"));
        assertEquals("50", entry.get("hpo.param.width"));
        assertEquals("0.25", entry.get("hpo.param.dropout"));
        assertEquals("2.0", entry.get("hpo.param.scale"));
        assertEquals(1e-2, Double.parseDouble(entry.get("hpo.param.rate")), 1e-12);
        assertEquals("gini", entry.get("hpo.param.rule"), "the first choice");
        assertEquals("LINEAR", entry.get("hpo.param.kernel"));
        assertEquals("RBF", entry.get("hpo.param.anyKernel"), "the first enum constant");
        assertEquals("false", entry.get("hpo.param.shuffle"));
    }

    @Test
    void smokeRunCallsAnInstanceMethodOnAFreshInstance() {
        Map<String, String> entry = reportEntries(hpo().selectors(selectClass(FreshInstance.class)).execute()).get(0);
        assertEquals("1.0", entry.get("hpo.value"));
    }

    @Test
    void smokeRunFailsWithTheObjectivesOwnException() {
        EngineExecutionResults results = hpo().selectors(selectClass(AlwaysFailing.class)).execute();
        Throwable t = throwable(results.testEvents().failed().list().get(0));
        assertInstanceOf(UnsupportedOperationException.class, t);
        assertEquals("not today (k = 2)", t.getMessage());
    }

    @Test
    void smokeRunFailsWhenTheObjectiveReturnsNaN() {
        Storage storage = new InMemoryStorage();
        try (Study study = Study.builder().name("Flaky.flaky").storage(storage).build()) {
            study.enqueueTrial(Map.of("k", 2));
            study.optimize(trial -> 1.0, 1);
        }
        EngineExecutionResults results = smoke(storage).selectors(selectClass(Flaky.class)).execute();
        String message = throwable(results.testEvents().failed().list().get(0)).getMessage();
        assertTrue(message.contains(Flaky.class.getName() + ".flaky returned NaN at {k=2}"), message);
    }

    @Test
    void anInfiniteValuePassesASmokeRunAsItCompletesAStudysTrial() {
        hpo().selectors(selectClass(Unbounded.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void smokeRunUsesTheBestParametersOfAStoredStudy() {
        Storage storage = new InMemoryStorage();
        try (Study study = Study.builder().name("Bowl.bowl").direction(Direction.MINIMIZE).storage(storage).build()) {
            study.enqueueTrial(Map.of("x", 5.0, "k", 9));
            study.enqueueTrial(Map.of("x", 2.5, "k", 1));
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -10, 10);
                return (x - 3) * (x - 3) + trial.suggestInt("k", 0, 10);
            }, 2);
        }
        Map<String, String> entry = reportEntries(smoke(storage).selectors(selectClass(Bowl.class)).execute()).get(0);
        assertEquals("2.5", entry.get("hpo.param.x"));
        assertEquals("1", entry.get("hpo.param.k"));
        assertEquals("1.25", entry.get("hpo.value"));
    }

    @Test
    void withoutAConfiguredStorageASmokeRunReadsTheJournalTheGoalLeftByDefault() throws Exception {
        Path journal = SmokeRun.GOAL_JOURNAL;
        assertFalse(Files.exists(journal), journal + " is left from another run");
        try {
            try (Study study = Study.builder().name("Bowl.bowl").storage("journal:" + journal).build()) {
                study.enqueueTrial(Map.of("x", 2.5, "k", 1));
                study.optimize(trial -> (trial.suggestFloat("x", -10, 10) - 3) + trial.suggestInt("k", 0, 10), 1);
            }
            Map<String, String> entry = reportEntries(hpo().selectors(selectClass(Bowl.class)).execute()).get(0);
            assertEquals("2.5", entry.get("hpo.param.x"));
            assertEquals("1", entry.get("hpo.param.k"));
            Files.writeString(journal, "not a journal\n");
            Map<String, String> middle = reportEntries(hpo().selectors(selectClass(Bowl.class)).execute()).get(0);
            assertEquals("0.0", middle.get("hpo.param.x"), "an unreadable journal leaves the middle of the ranges");
        } finally {
            Files.deleteIfExists(journal);
            Files.deleteIfExists(Path.of(journal + ".lock"));
        }
    }

    @Test
    void smokeRunNeverWritesToTheStorage() {
        Storage storage = new InMemoryStorage();
        smoke(storage).selectors(selectClass(Bowl.class)).execute();
        assertEquals(0, storage.studies().size());
    }

    @Test
    void storedParametersOutsideTheDeclaredRangeFallBackToTheMiddle() {
        Storage storage = new InMemoryStorage();
        try (Study study = Study.builder().name("Bowl.bowl").storage(storage).build()) {
            study.enqueueTrial(Map.of("x", 50.0, "k", 1));
            study.optimize(trial -> trial.suggestFloat("x", 0, 100) + trial.suggestInt("k", 0, 10), 1);
        }
        Map<String, String> entry = reportEntries(smoke(storage).selectors(selectClass(Bowl.class)).execute()).get(0);
        assertEquals("0.0", entry.get("hpo.param.x"));
        assertEquals("1", entry.get("hpo.param.k"));
    }
}
