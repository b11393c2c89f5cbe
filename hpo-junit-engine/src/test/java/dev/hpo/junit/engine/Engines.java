package dev.hpo.junit.engine;

import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Shortcuts for running the hpo engine under {@link EngineTestKit}. */
final class Engines {

    private Engines() {
    }

    /** The engine as ServiceLoader would create it. */
    static EngineTestKit.Builder hpo() {
        return EngineTestKit.engine(new HpoTestEngine());
    }

    /** The engine in study mode, storing into the given storage whatever URL is configured. */
    static EngineTestKit.Builder study(Storage storage) {
        return EngineTestKit.engine(new HpoTestEngine(url -> storage)).configurationParameter("hpo.mode", "study");
    }

    /** The engine in smoke mode, reading the given storage when a storage URL is configured. */
    static EngineTestKit.Builder smoke(Storage storage) {
        return EngineTestKit.engine(new HpoTestEngine(url -> storage)).configurationParameter("hpo.storage",
                "memory:");
    }

    /** Every report entry published on objectives and trials during the run, in order. */
    static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(e -> !(e.getTestDescriptor() instanceof HpoEngineDescriptor))
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).toList();
    }

    /** The studies the engine names as it starts in study mode ({@link HpoEngineDescriptor#OBJECTIVE}), in order. */
    static List<String> namedStudies(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .filter(e -> e.getTestDescriptor() instanceof HpoEngineDescriptor)
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(HpoEngineDescriptor.OBJECTIVE))
                .toList();
    }

    /**
     * The message of the discovery error that failed the objective {@code method} of the class: it must have failed
     * with an {@link InvalidObjectiveException}.
     */
    static String malformed(Class<?> type, String method) {
        Event failed = hpo().selectors(DiscoverySelectors.selectClass(type)).execute().testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName()).filter(method::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError(method + " did not fail"));
        Throwable t = throwable(failed);
        Assertions.assertInstanceOf(InvalidObjectiveException.class, t);
        return t.getMessage();
    }

    /** What a run of {@code engine} added to {@code log}, a fixture's, which is cleared first. */
    static List<String> logged(List<String> log, EngineTestKit.Builder engine) {
        log.clear();
        engine.execute();
        return List.copyOf(log);
    }

    /**
     * A discovery filter, as surefire's {@code -Dtest} or an IDE applies one, that keeps only the tests of the given
     * methods (none when none is given): Jupiter then has no node of the others, nor of a class left without tests.
     */
    static PostDiscoveryFilter onlyTestsOf(String... methods) {
        return descriptor -> FilterResult.includedIf(!descriptor.isTest() || descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(s -> ((MethodSource) s).getMethodName())
                .filter(List.of(methods)::contains).isPresent());
    }

    /** The throwable an event's result carries (failed or aborted). */
    static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
