package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.FrozenTrial;
import dev.hpo.junit.engine.fixtures.enqueue.BadEnqueue;
import dev.hpo.junit.engine.fixtures.enqueue.Baseline;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @Enqueue}: configurations a study evaluates first, once per study, and a smoke run's starting point. */
class EnqueueTest {

    private final Storage storage = new InMemoryStorage();

    @BeforeEach
    void clear() {
        Baseline.CALLS.clear();
    }

    private List<FrozenTrial> trials(String study) {
        return storage.trials(storage.findStudy(study).orElseThrow());
    }

    @Test
    void theStudyEvaluatesTheEnqueuedConfigurationsFirstAndTheSamplerFillsInTheRest() {
        var results = Engines.study(storage).selectors(selectMethod(Baseline.class, "score",
                "double, int, java.lang.String, java.util.concurrent.TimeUnit, boolean")).execute();
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(5));
        assertEquals(List.of("true", "true", "-", "-"), Engines.reportEntries(results).stream()
                .map(e -> e.getOrDefault("hpo.enqueued", "-")).toList(), "the log line marks the enqueued trials");
        List<FrozenTrial> trials = trials("Baseline.score");
        assertEquals(4, trials.size());
        Map<String, Object> first = trials.get(0).params();
        assertEquals(0.25, first.get("x"));
        assertEquals("rbf, scaled", first.get("kernel"));
        Map<String, Object> second = trials.get(1).params();
        assertEquals(List.of(-0.5, 3, "SECONDS", true), List.of(second.get("x"), second.get("depth"),
                second.get("unit"), second.get("verbose")));
        assertTrue(Baseline.CALLS.get(1).startsWith("score x=-0.5 depth=3 kernel="), Baseline.CALLS.toString());
        assertTrue(Baseline.CALLS.get(1).endsWith(" unit=SECONDS verbose=true"), Baseline.CALLS.toString());
    }

    @Test
    void aResumedStudyDoesNotEvaluateThemAgain() {
        for (int run = 0; run < 3; run++) {
            Engines.study(storage).selectors(selectClass(Baseline.class)).execute().testEvents()
                    .assertStatistics(s -> s.failed(0));
        }
        List<FrozenTrial> trials = trials("Baseline.score");
        assertEquals(12, trials.size());
        long atFirst = trials.stream().filter(t -> t.params().get("x").equals(0.25)).count();
        long atSecond = trials.stream().filter(t -> t.params().get("x").equals(-0.5)).count();
        assertEquals(List.of(1L, 1L), List.of(atFirst, atSecond));
        assertEquals(Map.of("layers", 4, "rate", 0.5, "optimizer", "adam", "deep", true),
                trials("Baseline.search").get(0).params(), "a define-by-run objective's own parameters");
        assertEquals(6, trials("Baseline.search").size());
    }

    @Test
    void aSmokeRunWithoutAStudyStartsAtTheFirstConfiguration() {
        hpo().selectors(selectClass(Baseline.class)).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(2));
        assertEquals(2, Baseline.CALLS.size());
        assertTrue(Baseline.CALLS.contains("search layers=4 rate=0.5 optimizer=adam deep=true"), Baseline.CALLS
                .toString());
        String score = Baseline.CALLS.stream().filter(c -> c.startsWith("score")).findFirst().orElseThrow();
        assertTrue(score.startsWith("score x=0.25 depth=") && score.contains(" kernel=rbf, scaled "), score);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknownName   | names 'width', which is not a tuned parameter of the objective; its parameters are [depth]
            outOfRange    | @Enqueue("depth=9"), parameter 'depth': 9 is outside
            notWhole      | @Enqueue("depth=2.5"), parameter 'depth': '2.5' is not an integer
            notAChoice    | @Enqueue("kernel=poly"), parameter 'kernel': 'poly' is not one of the choices [linear, rbf]
            twice         | gives 'depth' twice
            noEquals      | 'depth 2' is not name=value
            unclosedQuote | has a quote that is not closed
            empty         | names no parameter
            """)
    void anEnqueueThatDoesNotFitFailsTheObjectiveNamingWhatIsWrong(String method, String expected) {
        String message = Engines.malformed(BadEnqueue.class, method);
        assertTrue(message.startsWith(BadEnqueue.class.getName() + "." + method + ": @Enqueue("), message);
        assertTrue(message.contains(expected), message);
    }
}
