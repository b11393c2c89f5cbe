package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.multi.BadDirections;
import dev.hpo.junit.engine.fixtures.multi.TwoGoals;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Objectives with several directions: a multi-objective study, its log lines and what the annotation may not ask. */
class MultiObjectiveTest {

    private final Storage storage = new InMemoryStorage();

    @Test
    void aStudyWithSeveralDirectionsKeepsEveryValueOfEveryTrial() {
        EngineExecutionResults results = Engines.study(storage).configurationParameter("hpo.patience", "1")
                .selectors(selectMethod(TwoGoals.class, "tradeOff", "double")).execute();
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(9));
        long id = storage.findStudy("TwoGoals.tradeOff").orElseThrow();
        assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), storage.study(id).directions());
        assertEquals(List.of("error", "speed"), Study.metricNames(storage.study(id).systemAttrs(), 2));
        assertEquals(List.of(0.25, "none"), storage.study(id).systemAttrs().get("hpo.threshold"),
                "the gate of both values, the free one as \"none\"");
        List<FrozenTrial> trials = storage.trials(id);
        assertEquals(8, trials.size(), "all 8 trials: the configured patience needs a single objective");
        for (FrozenTrial t : trials) {
            double x = (double) t.params().get("x");
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(List.of(x * x, x), t.values());
        }
        List<Map<String, String>> entries = Engines.reportEntries(results).stream()
                .filter(e -> e.containsKey("hpo.trial")).toList();
        assertEquals(8, entries.size());
        for (Map<String, String> e : entries) {
            assertFalse(e.containsKey("hpo.value") || e.containsKey("hpo.best"), e.toString());
            FrozenTrial t = trials.get(Integer.parseInt(e.get("hpo.trial")));
            assertEquals(t.values().get(0) + ", " + t.values().get(1), e.get("hpo.values"));
        }
    }

    @Test
    void aTrialThatReturnsTooFewValuesFails() {
        EngineExecutionResults results = Engines.study(storage)
                .selectors(selectMethod(TwoGoals.class, "oneShort", "double")).execute();
        results.testEvents().assertStatistics(s -> s.failed(4).succeeded(0));  // 3 trials and the objective
        FrozenTrial first = storage.trials(storage.findStudy("TwoGoals.oneShort").orElseThrow()).get(0);
        assertEquals(TrialState.FAIL, first.state());
        assertTrue(String.valueOf(first.systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("returned 1 value(s)"),
                first.systemAttrs().toString());
    }

    @Test
    void aSmokeRunChecksAndReportsEveryValue() {
        EngineExecutionResults results = hpo().selectors(selectClass(TwoGoals.class)).execute();
        results.testEvents().assertStatistics(s -> s.failed(1).succeeded(1));
        assertEquals("0.25, 0.5", Engines.reportEntries(results).get(0).get("hpo.values"), "at the middle, x = 0.5");
        Event failed = results.testEvents().failed().list().get(0);
        assertEquals(TwoGoals.class.getName() + ".oneShort returned 1 values at {x=0.5} for 2 directions; return"
                + " one per direction", throwable(failed).getMessage());
    }

    @Test
    void aSmokeRunAfterAStudyStartsAtItsFirstParetoTrialThatReachesTheThresholds() {
        Engines.study(storage).selectors(selectMethod(TwoGoals.class, "tradeOff", "double")).execute();
        List<FrozenTrial> trials = storage.trials(storage.findStudy("TwoGoals.tradeOff").orElseThrow());
        double expected = trials.stream().filter(t -> (double) t.params().get("x") <= 0.5)  // error x² at most 0.25
                .mapToDouble(t -> (double) t.params().get("x")).findFirst().orElseThrow();
        assertTrue((double) trials.get(0).params().get("x") > 0.5, "seed 5's first trial misses the threshold, so the"
                + " test tells the thresholds' choice from the first front trial's: " + trials.get(0).params());
        EngineExecutionResults smoke = Engines.smoke(storage).selectors(selectMethod(TwoGoals.class, "tradeOff",
                "double")).execute();
        assertEquals(Double.toString(expected), Engines.reportEntries(smoke).get(0).get("hpo.param.x"),
                "every trial of the trade-off is on the front; the first that reaches error ≤ 0.25 stands for it");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            both                   | @Objective sets both direction and directions; keep directions
            arrayWithoutDirections | returns double[] but @Objective declares no directions
            scalarForTwo           | returns one value but @Objective declares 2 directions; return a double[] of 2
            withThreshold          | @Objective threshold needs a single objective
            withPatience           | @Objective patience needs a single objective
            withTerminator         | @Objective terminator needs a single objective
            oneMetric              | names 1 metrics for 2 directions; give one name per direction
            thresholdsForOne       | @Objective thresholds is the gate of several directions; a single objective
            threeThresholds        | @Objective gives 3 thresholds for 2 directions; give one per direction, NaN where
            """)
    void directionsThatDoNotFitTheObjectiveAreMalformed(String method, String expected) {
        String message = Engines.malformed(BadDirections.class, method);
        assertTrue(message.startsWith(BadDirections.class.getName() + "." + method), message);
        assertTrue(message.contains(expected), message);
    }
}
