package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.logged;
import static dev.hpo.junit.engine.Engines.onlyTestsOf;
import static dev.hpo.junit.engine.Engines.study;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.conditions.LifecycleTwins;
import dev.hpo.junit.engine.fixtures.lifecycle.BadLifecycle;
import dev.hpo.junit.engine.fixtures.lifecycle.DisabledClass;
import dev.hpo.junit.engine.fixtures.lifecycle.Disabling;
import dev.hpo.junit.engine.fixtures.lifecycle.Events;
import dev.hpo.junit.engine.fixtures.lifecycle.FailingBeforeAll;
import dev.hpo.junit.engine.fixtures.lifecycle.FailingEach;
import dev.hpo.junit.engine.fixtures.lifecycle.Lifecycle;
import dev.hpo.junit.engine.fixtures.lifecycle.Named;
import dev.hpo.junit.engine.fixtures.lifecycle.Ordered;
import dev.hpo.junit.engine.fixtures.lifecycle.OrderedClasses;
import dev.hpo.junit.engine.fixtures.lifecycle.PerClass;
import dev.hpo.junit.engine.fixtures.lifecycle.PerClassByDefault;
import dev.hpo.junit.engine.fixtures.lifecycle.SlowSetUp;
import dev.hpo.junit.engine.fixtures.lifecycle.TimedOut;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Jupiter's lifecycle methods, {@code @TestInstance}, {@code @Disabled} and {@code @DisplayName} on objectives. */
class LifecycleTest {

    private final Storage storage = new InMemoryStorage();

    @BeforeEach
    void clearEvents() {
        Events.LOG.clear();
    }

    @Test
    void studyRunsBeforeAllOnceAndEachMethodAroundEveryTrialSuperclassFirst() {
        study(storage).selectors(selectClass(Lifecycle.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        List<String> trial = List.of("base beforeEach", "beforeEach", "trial", "afterEach", "base afterEach");
        List<String> expected = new ArrayList<>(List.of("base beforeAll", "beforeAll"));
        expected.addAll(trial);
        expected.addAll(trial);
        expected.addAll(List.of("afterAll", "base afterAll"));
        assertEquals(expected, Events.LOG);
        List<FrozenTrial> trials = storage.trials(storage.findStudy("Lifecycle.score").orElseThrow());
        for (FrozenTrial t : trials) {
            assertEquals(TrialState.COMPLETE, t.state());
            int i = (Integer) t.params().get("i");
            assertEquals(new int[] {3, 1, 2}[i] + 10, t.value(), "the objective saw both set-ups");
        }
    }

    @Test
    void smokeRunHasTheSameLifecycle() {
        hpo().selectors(selectClass(Lifecycle.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertEquals(List.of("base beforeAll", "beforeAll", "base beforeEach", "beforeEach", "trial", "afterEach",
                "base afterEach", "afterAll", "base afterAll"), Events.LOG);
    }

    @Test
    void aFailingBeforeAllFailsTheClassRunsNoTrialAndStillRunsAfterAll() {
        EngineExecutionResults results = study(storage).selectors(selectClass(FailingBeforeAll.class)).execute();
        assertEquals(List.of("beforeAll", "afterAll"), Events.LOG);
        results.testEvents().assertStatistics(s -> s.started(0));
        Throwable t = throwable(results.containerEvents().failed().list().get(0));
        assertInstanceOf(IllegalStateException.class, t);
        assertEquals("the data set is missing", t.getMessage());
        assertTrue(storage.findStudy("FailingBeforeAll.score").isEmpty(), "no study was created");
    }

    @Test
    void aFailingBeforeEachOrAfterEachFailsItsTrialAndTheStudyGoesOn() {
        try (Study s = Study.builder().name("FailingEach.score").storage(storage).build()) {
            for (int i : new int[] {0, 1, 2}) {
                s.enqueueTrial(Map.of("i", i));
            }
        }
        EngineExecutionResults results = study(storage).selectors(selectClass(FailingEach.class)).execute();
        assertEquals(List.of("beforeEach", "afterEach -1", "beforeEach", "trial 1", "afterEach 1", "beforeEach",
                "trial 2", "afterEach 2"), Events.LOG, "the first trial's objective never ran; every @AfterEach did");
        List<FrozenTrial> trials = storage.trials(storage.findStudy("FailingEach.score").orElseThrow());
        assertEquals(List.of(TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE),
                trials.stream().map(FrozenTrial::state).toList());
        List<String> messages = results.testEvents().failed().stream().map(e -> throwable(e).getMessage()).toList();
        assertEquals(List.of("set-up failed", "tear-down failed"), messages);
    }

    @Test
    void aDisabledObjectiveIsSkippedWithItsReasonAndTheOtherRuns() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Disabling.class)).execute();
        results.allEvents().assertThatEvents().haveExactly(1,
                event(test("slow"), skippedWithReason("takes an hour")));
        assertEquals(List.of("beforeAll", "quick", "quick"), Events.LOG);
        assertTrue(storage.findStudy("Disabling.slow").isEmpty());
    }

    /**
     * As Jupiter skips a disabled class's container: the class is skipped with the reason, its objectives are not
     * reported, and neither its lifecycle methods nor its extensions' callbacks run, in smoke and study mode alike.
     */
    @Test
    void aDisabledClassIsSkippedAsAWholeWithoutRunningBeforeAllOrItsExtensions() {
        for (EngineTestKit.Builder mode : List.of(hpo(), study(storage))) {
            EngineExecutionResults results = mode.selectors(selectClass(DisabledClass.class)).execute();
            results.allEvents().assertThatEvents().haveExactly(1, event(container(DisabledClass.class),
                    skippedWithReason("class " + DisabledClass.class.getName() + " is @Disabled")));
            results.testEvents().assertThatEvents().isEmpty();
            results.allEvents().assertStatistics(s -> s.skipped(1).failed(0));
            assertEquals(List.of(), Events.LOG);
        }
        assertTrue(storage.findStudy("DisabledClass.score").isEmpty());
    }

    /**
     * Jupiter runs a class's lifecycle whenever the class is enabled and has children, even if a condition then skips
     * each of them: so does hpo for a class whose objectives are all disabled (its per-class instance made and
     * post-processed, its extensions' callbacks and its {@code @BeforeAll}/{@code @AfterAll} methods run) or whose only
     * child is a disabled {@code @Nested} class, in smoke and study mode, exactly as for its Jupiter twin.
     */
    @Test
    void anEnabledClassWhoseChildrenAreAllSkippedRunsItsLifecycleAsJupiter() {
        for (Class<?> type : List.of(LifecycleTwins.AllDisabled.class, LifecycleTwins.OnlyADisabledNestedClass.class)) {
            List<String> jupiter = logged(LifecycleTwins.LOG, EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(type)));
            assertTrue(jupiter.contains("@BeforeAll " + type.getSimpleName())
                    && jupiter.contains("afterAll callback " + type.getSimpleName()), jupiter.toString());
            for (EngineTestKit.Builder mode : List.of(hpo(), study(storage))) {
                assertEquals(jupiter, logged(LifecycleTwins.LOG, mode.selectors(selectClass(type))));
            }
        }
    }

    /**
     * {@code hpo.objectives} is the build's choice, as a discovery filter is ({@code -Dtest}): a class whose objectives
     * it all leaves out runs nothing, neither its lifecycle nor a condition, as Jupiter runs nothing of a class whose
     * tests a filter removed, though its objectives are still reported, skipped as not selected.
     */
    @Test
    void aClassWhoseObjectivesTheFilterAllLeavesOutRunsNothingAsJupiterForAFilteredClass() {
        for (Class<?> type : List.of(LifecycleTwins.AllDisabled.class, LifecycleTwins.OnlyADisabledNestedClass.class,
                LifecycleTwins.Counted.class)) {
            assertEquals(List.of(), logged(LifecycleTwins.LOG, EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(type)).filters(onlyTestsOf())));
            for (EngineTestKit.Builder mode : List.of(hpo(), study(storage))) {
                LifecycleTwins.LOG.clear();
                EngineExecutionResults results = mode.selectors(selectClass(type))
                        .configurationParameter("hpo.objectives", "Nope.x").execute();
                assertEquals(List.of(), LifecycleTwins.LOG, type.getSimpleName());
                results.testEvents().assertThatEvents().isNotEmpty().allMatch(e -> e.getPayload(String.class)
                        .filter(NotSelected::isReason).isPresent());
                results.allEvents().failed().assertThatEvents().isEmpty();
            }
        }
    }

    @Test
    void objectivesFilteredOutDoNotRunBeforeAll() {
        study(storage).selectors(selectClass(Lifecycle.class)).configurationParameter("hpo.objectives", "Other.*")
                .execute().testEvents().assertStatistics(s -> s.skipped(1).started(0));
        assertEquals(List.of(), Events.LOG);
    }

    @Test
    void aPerClassLifecycleRunsEveryTrialOnOneInstanceSetUpByInstanceMethods() {
        study(storage).selectors(selectClass(PerClass.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        List<FrozenTrial> trials = storage.trials(storage.findStudy("PerClass.score").orElseThrow());
        for (FrozenTrial t : trials) {
            int i = (Integer) t.params().get("i");
            assertEquals((i + 1) * 100 + t.number() + 1, t.value(), "the data of @BeforeAll and a count across trials");
        }
        assertEquals(5, Events.LOG.size());
        assertEquals(1, Events.LOG.stream().map(e -> e.substring(e.indexOf(' ') + 1)).distinct().count(),
                "one instance: " + Events.LOG);
        assertTrue(Events.LOG.get(0).startsWith("beforeAll ") && Events.LOG.get(4).startsWith("afterAll "));
    }

    @Test
    void theConfiguredDefaultLifecycleAppliesToAClassWithoutTestInstance() {
        study(storage).selectors(selectClass(PerClassByDefault.class))
                .configurationParameter("junit.jupiter.testinstance.lifecycle.default", "Per_Class").execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        assertEquals(List.of(1.0, 2.0, 3.0), storage.trials(storage.findStudy("PerClassByDefault.score")
                .orElseThrow()).stream().map(FrozenTrial::value).toList(), "one instance counts every trial");
        assertEquals(1, Events.LOG.size());

        for (String lifecycle : List.of("per_method", "neither")) {
            EngineExecutionResults results = study(new InMemoryStorage()).selectors(
                    selectClass(PerClassByDefault.class))
                    .configurationParameter("junit.jupiter.testinstance.lifecycle.default", lifecycle).execute();
            results.testEvents().assertStatistics(s -> s.failed(1));
            assertTrue(throwable(results.testEvents().failed().list().get(0)).getMessage()
                    .contains("@BeforeAll method " + PerClassByDefault.class.getName() + ".load() is not static"));
        }
    }

    @Test
    void displayNamesNameTheClassAndObjectiveWhileSurefireKeepsTheMethodName() {
        EngineExecutionResults results = hpo().selectors(selectClass(Named.class)).execute();
        TestDescriptor objective = results.testEvents().started().list().get(0).getTestDescriptor();
        assertEquals("depth of the bowl", objective.getDisplayName());
        assertEquals("depth(int)", objective.getLegacyReportingName());
        assertEquals("Tuning the bowl", objective.getParent().orElseThrow().getDisplayName());
        assertEquals(Named.class.getName(), objective.getParent().orElseThrow().getLegacyReportingName());
    }

    @Test
    void aTrialThatOutlastsItsTimeoutFailsAndTheStudyGoesOn() {
        try (Study s = Study.builder().name("TimedOut.slow").storage(storage).build()) {
            for (int i : new int[] {0, 1, 2}) {
                s.enqueueTrial(Map.of("i", i));
            }
        }
        long start = System.nanoTime();
        EngineExecutionResults results = study(storage).selectors(selectClass(TimedOut.class)).execute();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the sleeping trial was interrupted, not waited for");
        List<FrozenTrial> trials = storage.trials(storage.findStudy("TimedOut.slow").orElseThrow());
        assertEquals(List.of(TrialState.FAIL, TrialState.FAIL, TrialState.COMPLETE),
                trials.stream().map(FrozenTrial::state).toList());
        List<Throwable> failures = results.testEvents().failed().stream().map(Engines::throwable).toList();
        assertEquals(2, failures.size());
        for (Throwable t : failures) {
            assertInstanceOf(TimeoutException.class, t);
            assertEquals(TimedOut.class.getName() + ".slow timed out after 200 ms (@Timeout)", t.getMessage());
        }
        assertInstanceOf(InterruptedException.class, failures.get(0).getSuppressed()[0], "what the interrupt ended");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aLifecycleMethodWithATimeoutOfItsOwnFailsWhenItOutlastsIt() {
        long start = System.nanoTime();
        EngineExecutionResults results = study(storage).selectors(selectClass(SlowSetUp.Hanging.class)).execute();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the sleeping @BeforeAll was interrupted");
        results.testEvents().assertStatistics(s -> s.started(0));
        Throwable t = throwable(results.containerEvents().failed().list().get(0));
        assertInstanceOf(TimeoutException.class, t);
        assertEquals(SlowSetUp.Hanging.class.getName() + ".load timed out after 200 ms (@Timeout)", t.getMessage());
        assertEquals(List.of(), Events.LOG);
    }

    @Test
    void jupitersThreadDumpSwitchPrintsEveryStackBeforeATimedOutTrialOrLifecycleMethodIsInterrupted() {
        try (Study s = Study.builder().name("TimedOut.slow").storage(storage).build()) {
            s.enqueueTrial(Map.of("i", 0));
        }
        String trialDump = standardOutputOf(() -> study(storage).selectors(selectClass(TimedOut.class))
                .configurationParameter("hpo.trials", "1")
                .configurationParameter("junit.jupiter.execution.timeout.thread.dump.enabled", "true").execute());
        assertTrue(trialDump.contains("Thread \"") && trialDump.contains("will be interrupted (timed out)."),
                trialDump);
        assertTrue(trialDump.contains(TimedOut.class.getName() + ".slow("), "the trial's own frame: " + trialDump);
        String lifecycleDump = standardOutputOf(() -> study(new InMemoryStorage())
                .selectors(selectClass(SlowSetUp.Hanging.class))
                .configurationParameter("junit.jupiter.execution.timeout.thread.dump.enabled", "true").execute());
        assertTrue(lifecycleDump.contains(SlowSetUp.Hanging.class.getName() + ".load("), lifecycleDump);
        String off = standardOutputOf(() -> study(new InMemoryStorage()).selectors(selectClass(SlowSetUp.Hanging.class))
                .execute());
        assertFalse(off.contains("will be interrupted"), "no dump unless asked for: " + off);
    }

    /** What the engine printed on standard output while {@code run} ran (the alarm thread prints there). */
    private static String standardOutputOf(Runnable run) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theClassTimeoutLimitsTrialsButNotLifecycleMethods() {
        study(storage).selectors(selectClass(SlowSetUp.ClassLimit.class)).execute()
                .testEvents().assertStatistics(s -> s.failed(0).succeeded(2));
        assertEquals(List.of("setUp", "trial"), Events.LOG, "the @BeforeEach ran to its end within its own limit");
    }

    @Test
    void objectivesRunInTheOrderOfTheClasssMethodOrderer() {
        hpo().selectors(selectClass(Ordered.class)).execute().testEvents().assertStatistics(s -> s.failed(0));
        assertEquals(List.of("charlie", "bravo", "alpha"), Events.LOG, "@TestMethodOrder(OrderAnnotation) and @Order");
        Events.LOG.clear();
        hpo().selectors(selectClass(Ordered.Unannotated.class))
                .configurationParameter("junit.jupiter.testmethod.order.default",
                        "org.junit.jupiter.api.MethodOrderer$OrderAnnotation").execute();
        assertEquals(List.of("charlie", "bravo", "alpha"), Events.LOG, "the configured default orderer");
        Events.LOG.clear();
        hpo().selectors(selectClass(Ordered.Unannotated.class))
                .configurationParameter("junit.jupiter.testmethod.order.default", "no.such.Orderer").execute()
                .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        assertEquals(3, Events.LOG.size(), "an orderer that cannot be loaded leaves the order as it was");
    }

    @Test
    void classesAndNestedClassesRunInTheOrderTheirClassOrdererGives() {
        hpo().selectors(selectClass(OrderedClasses.class), selectClass(OrderedClasses.First.class))
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$OrderAnnotation").execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        assertEquals(List.of("first", "outer", "sooner", "later"), Events.LOG,
                "the configured default for the classes, @TestClassOrder for the nested ones, objectives first");
        Events.LOG.clear();
        hpo().selectors(selectClass(OrderedClasses.class), selectClass(OrderedClasses.First.class)).execute();
        assertEquals(List.of("outer", "sooner", "later", "first"), Events.LOG, "without a default, as selected");
    }

    @Test
    void theConfiguredTrialTimeoutLimitsTrialsOverTheAnnotation() {
        try (Study s = Study.builder().name("TimedOut.slow").storage(storage).build()) {
            s.enqueueTrial(Map.of("i", 0));
        }
        EngineExecutionResults results = study(storage).selectors(selectClass(TimedOut.class))
                .configurationParameter("hpo.trials", "1").configurationParameter("hpo.trialTimeout", "1").execute();
        Throwable t = throwable(results.testEvents().failed().list().get(0));
        assertEquals(TimedOut.class.getName() + ".slow timed out after 1 s (hpo.trialTimeout)", t.getMessage());
    }

    @Test
    void lifecycleMethodsHpoCannotCallMakeTheObjectiveMalformed() {
        Throwable instance = throwable(hpo().selectors(selectClass(BadLifecycle.InstanceBeforeAll.class)).execute()
                .testEvents().failed().list().get(0));
        assertEquals("@BeforeAll method " + BadLifecycle.InstanceBeforeAll.class.getName() + ".load() is not static;"
                + " make it static, or give the class @TestInstance(Lifecycle.PER_CLASS) to run its objectives on one"
                + " instance", instance.getMessage());
        Throwable noTime = throwable(hpo().selectors(selectClass(BadLifecycle.NoTime.class)).execute()
                .testEvents().failed().list().get(0));
        assertEquals("@Timeout(0) on " + BadLifecycle.NoTime.class.getName() + ".score: a time limit must be"
                + " positive", noTime.getMessage());
    }
}
