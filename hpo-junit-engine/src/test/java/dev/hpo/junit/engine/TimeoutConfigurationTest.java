package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.lifecycle.TimedOut;
import dev.hpo.junit.engine.fixtures.lifecycle.Untimed;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Jupiter's timeout configuration parameters, which objectives honour as they honour {@code @Timeout}. */
class TimeoutConfigurationTest {

    private static final String PREFIX = "junit.jupiter.execution.timeout.";

    private final Storage storage = new InMemoryStorage();

    /** The message of the failure of the only trial of {@link Untimed} under the configuration. */
    private String untimedTrialFailure(Map<String, String> configuration) {
        EngineTestKit.Builder kit = study(storage).selectors(selectClass(Untimed.class));
        configuration.forEach(kit::configurationParameter);
        EngineExecutionResults results = kit.execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(1).succeeded(0));
        Throwable t = Engines.throwable(results.testEvents().failed().list().get(0));
        assertInstanceOf(TimeoutException.class, t);
        return t.getMessage();
    }

    @Test
    void aTrialWithoutTimeoutTakesTheTestTemplateDefaultThenTheTestableThenTheGeneralOne() {
        String slow = Untimed.class.getName() + ".slow timed out after ";
        assertEquals(slow + "500 ms (" + PREFIX + "testtemplate.method.default)", untimedTrialFailure(Map.of(
                PREFIX + "default", "1 m", PREFIX + "testable.method.default", "30s",
                PREFIX + "test.method.default", "100ms", PREFIX + "testtemplate.method.default", "500 ms")));
        assertEquals(slow + "500 ms (" + PREFIX + "testable.method.default)", untimedTrialFailure(Map.of(
                PREFIX + "default", "1 m", PREFIX + "testable.method.default", "500ms")));
        assertEquals(slow + "1 s (" + PREFIX + "default)", untimedTrialFailure(Map.of(PREFIX + "default", "1",
                PREFIX + "test.method.default", "not a duration")));
    }

    @Test
    void aLifecycleMethodWithoutTimeoutTakesItsKindsDefault() {
        assertEquals(Untimed.class.getName() + ".setUp timed out after 100 ms (" + PREFIX
                + "beforeeach.method.default)", untimedTrialFailure(Map.of(PREFIX + "lifecycle.method.default",
                        "1 m", PREFIX + "beforeeach.method.default", "100ms")));
    }

    @Test
    void theEnginesOwnTrialTimeoutWinsOverJupitersDefaultsAndMode() {
        assertEquals(Untimed.class.getName() + ".slow timed out after 1 s (hpo.trialTimeout)", untimedTrialFailure(
                Map.of("hpo.trialTimeout", "1", PREFIX + "testtemplate.method.default", "200ms",
                        PREFIX + "mode", "disabled")));
    }

    @Test
    void theDisabledModeLiftsEveryTimeoutAndDisabledOnDebugOnlyUnderADebugger() {
        try (Study s = Study.builder().name("TimedOut.slow").storage(storage).build()) {
            s.enqueueTrial(Map.of("i", 1));  // spins 400 ms, over its @Timeout of 200 ms
        }
        study(storage).selectors(selectClass(TimedOut.class)).configurationParameter("hpo.trials", "1")
                .configurationParameter(PREFIX + "mode", "disabled").execute();
        assertEquals(TrialState.COMPLETE, storage.trials(storage.findStudy("TimedOut.slow").orElseThrow()).get(0)
                .state());
        assertTrue(TimeoutDefaults.enabled("disabled_on_debug", List.of("-Xmx1g", "-ea")));
        assertFalse(TimeoutDefaults.enabled("disabled_on_debug",
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005")));
        assertTrue(TimeoutDefaults.enabled("enabled", List.of()));
    }
}
