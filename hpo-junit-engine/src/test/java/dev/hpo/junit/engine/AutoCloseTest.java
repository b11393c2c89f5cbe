package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.autoclose.BadClosing;
import dev.hpo.junit.engine.fixtures.autoclose.Closing;
import dev.hpo.junit.engine.fixtures.autoclose.Resource;
import dev.hpo.junit.engine.fixtures.autoclose.SharedClosing;
import dev.hpo.storage.InMemoryStorage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jupiter's {@code @AutoClose} fields of objective classes, closed when their instance or class is done. */
class AutoCloseTest {

    @BeforeEach
    void clear() {
        Resource.LOG.clear();
    }

    /** The closes after each {@code afterEach}, as a set: Jupiter leaves the order within a class unspecified. */
    private static void assertTrialClosed(List<String> log, int afterEach) {
        assertEquals("afterEach", log.get(afterEach), log.toString());
        assertEquals(Set.of("closed trial", "released other"), Set.copyOf(log.subList(afterEach + 1, afterEach + 3)),
                log.toString());
        assertEquals("closed base", log.get(afterEach + 3), "the subclass's fields first: " + log);
    }

    @Test
    void eachTrialsInstanceIsClosedAfterItsAfterEachAndTheStaticFieldsAfterAfterAll() {
        Engines.study(new InMemoryStorage()).selectors(selectClass(Closing.class)).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(3));
        List<String> log = Resource.LOG;
        assertEquals(12, log.size(), log.toString());
        for (int trial = 0; trial < 2; trial++) {
            assertEquals("trial", log.get(5 * trial));
            assertTrialClosed(log, 5 * trial + 1);
        }
        assertEquals(List.of("afterAll", "closed static"), log.subList(10, 12));
    }

    @Test
    void aSmokeRunClosesItsInstanceToo() {
        hpo().selectors(selectClass(Closing.class)).execute().testEvents().assertStatistics(s -> s.failed(0)
                .succeeded(1));
        assertTrialClosed(Resource.LOG, 1);
        assertEquals(List.of("afterAll", "closed static"), Resource.LOG.subList(5, 7));
    }

    @Test
    void aPerClassInstanceIsClosedOnceAfterAfterAll() {
        Engines.study(new InMemoryStorage()).selectors(selectClass(SharedClosing.class)).execute().testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(4));
        assertEquals(List.of("trial", "trial", "trial", "afterAll", "closed per-class"), Resource.LOG);
    }

    @Test
    void aCloseThatFailsFailsTheTrialAfterTheOtherFieldsAreClosed() {
        var results = hpo().selectors(selectClass(BadClosing.class)).execute();
        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = throwable(results.testEvents().failed().list().get(0));
        List<String> messages = new java.util.ArrayList<>(List.of(failure.getMessage()));
        for (Throwable t : failure.getSuppressed()) {
            messages.add(t.getMessage());
        }
        assertEquals(Set.of("broken one would not close", "@AutoClose field " + BadClosing.class.getName()
                + ".unstoppable holds a " + Resource.class.getName() + ", which has no stop() method; name the method"
                + " that closes it, @AutoClose(\"shutdown\") say"), Set.copyOf(messages));
        assertTrue(Resource.LOG.contains("closed fine"), Resource.LOG.toString());
    }
}
