package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.FrozenTrial;
import dev.hpo.junit.engine.fixtures.Sleepy;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

class ParallelTrialsTest {

    private final Storage storage = new InMemoryStorage();

    private EngineExecutionResults runInParallel() {
        return study(storage).selectors(selectClass(Sleepy.class)).configurationParameter("hpo.parallelism", "4")
                .execute();
    }

    /** 24 trials, plus the objective, which is a container and a test. */
    @Test
    void everyParallelTrialIsReportedAsOneTest() {
        EngineExecutionResults results = runInParallel();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(24).started(24 + 1).succeeded(24 + 1));
        assertEquals(24, storage.trials(storage.findStudy("Sleepy.nap").orElseThrow()).size());
    }

    @Test
    void eachTrialIsRegisteredThenStartedThenReportedThenFinishedInsideItsObjective() {
        List<Event> events = runInParallel().allEvents().list();
        Map<UniqueId, EventType> last = new HashMap<>();
        Set<UniqueId> objectiveRunning = new HashSet<>();
        for (Event e : events) {
            UniqueId id = e.getTestDescriptor().getUniqueId();
            if (e.getTestDescriptor() instanceof ObjectiveDescriptor) {
                if (e.getType() == EventType.STARTED) {
                    objectiveRunning.add(id);
                } else if (e.getType() == EventType.FINISHED) {
                    objectiveRunning.remove(id);
                }
                continue;
            }
            if (!(e.getTestDescriptor() instanceof TrialDescriptor)) {
                continue;
            }
            assertTrue(objectiveRunning.contains(id.removeLastSegment()), "trial event outside its objective: " + e);
            EventType expectedBefore = switch (e.getType()) {
                case DYNAMIC_TEST_REGISTERED -> null;
                case STARTED -> EventType.DYNAMIC_TEST_REGISTERED;
                case REPORTING_ENTRY_PUBLISHED -> EventType.STARTED;
                case FINISHED -> EventType.REPORTING_ENTRY_PUBLISHED;
                default -> throw new AssertionError("unexpected " + e);
            };
            assertEquals(expectedBefore, last.get(id), "event before " + e);
            last.put(id, e.getType());
        }
        assertEquals(24, last.size());
        assertTrue(last.values().stream().allMatch(t -> t == EventType.FINISHED));
    }

    @Test
    void parallelTrialsOverlapInTime() {
        runInParallel();
        List<FrozenTrial> trials = storage.trials(storage.findStudy("Sleepy.nap").orElseThrow());
        boolean overlap = false;
        for (FrozenTrial a : trials) {
            for (FrozenTrial b : trials) {
                overlap |= a != b && a.start().isBefore(b.complete()) && b.start().isBefore(a.complete());
            }
        }
        assertTrue(overlap, "no two trials ran at the same time");
    }
}
