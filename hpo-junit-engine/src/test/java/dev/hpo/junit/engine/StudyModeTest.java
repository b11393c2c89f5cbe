package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.namedStudies;
import static dev.hpo.junit.engine.Engines.reportEntries;
import static dev.hpo.junit.engine.Engines.study;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.AlwaysFailing;
import dev.hpo.junit.engine.fixtures.Assuming;
import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.CrossValidated;
import dev.hpo.junit.engine.fixtures.DefineByRun;
import dev.hpo.junit.engine.fixtures.Flaky;
import dev.hpo.junit.engine.fixtures.FreshInstance;
import dev.hpo.junit.engine.fixtures.Interrupting;
import dev.hpo.junit.engine.fixtures.Kinds;
import dev.hpo.junit.engine.fixtures.Plateau;
import dev.hpo.junit.engine.fixtures.Rescoped;
import dev.hpo.junit.engine.fixtures.Sleepy;
import dev.hpo.junit.engine.fixtures.extension.Log;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import dev.hpo.terminator.TerminatorCallback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.TestAbortedException;

class StudyModeTest {

    /** The objective is itself counted among the tests: it is a container and a test. */
    private static final int OBJECTIVE = 1;

    private final Storage storage = new InMemoryStorage();

    private List<FrozenTrial> trials(String studyName) {
        return storage.trials(storage.findStudy(studyName).orElseThrow());
    }

    /** Enqueues one trial per k, in order, so that Flaky's trials do what the test needs. */
    private void enqueueFlaky(int... ks) {
        try (Study s = Study.builder().name("Flaky.flaky").storage(storage).build()) {
            for (int k : ks) {
                s.enqueueTrial(Map.of("k", k));
            }
        }
    }

    @Test
    void aTrialThatLeavesItsThreadInterruptedDoesNotFailTheNext() {
        Interrupting.interruptedOnce = false;
        study(storage).selectors(selectClass(Interrupting.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        assertTrue(Interrupting.interruptedOnce);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void studyModeRunsTheAnnotatedNumberOfTrialsAsDynamicTests() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class)).execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(5).started(5 + OBJECTIVE).succeeded(5 + OBJECTIVE));
        results.containerEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        assertEquals(5, trials("Bowl.bowl").size());
    }

    @Test
    void aResumedStudyWhoseParameterNowHasAnotherRangeFailsOnceBeforeAnyTrialSayingWhatToDo() {
        study(storage).selectors(selectMethod(Rescoped.class, "wide", "double")).execute().testEvents()
                .assertStatistics(s -> s.failed(0));
        EngineExecutionResults edited = study(storage).selectors(selectMethod(Rescoped.class, "narrow", "double"))
                .execute();
        edited.testEvents().assertStatistics(s -> s.dynamicallyRegistered(0));
        String message = throwable(edited.allEvents().failed().list().get(0)).getMessage();
        assertTrue(message.startsWith("study Rescoped already has trials with parameter 'x' in float [-5.0, 5.0], but"
                + " the objective now declares float [0.0, 3.0]") && message.contains("hpo:delete-study"), message);
        assertEquals(3, trials("Rescoped").size(), "no trial was spent on it");
    }

    @Test
    void aStudyItsTimeoutStoppedSaysSo() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Sleepy.class))
                .configurationParameter("hpo.timeout", "1").configurationParameter("hpo.trials", "100000").execute();
        String why = reportEntries(results).stream().map(e -> e.get("hpo.stopped")).filter(w -> w != null)
                .findFirst().orElseThrow();
        assertTrue(why.startsWith("its timeout of 1 s ran out after " + trials("Sleepy.nap").size()
                + " of its 100000 trials"), why);
    }

    @Test
    void patienceStopsAStudyWhoseBestNoLongerImproves() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Plateau.class)).execute();
        assertEquals(6, trials("Plateau.flat").size(), "the first trial, then 5 without improvement");
        assertTrue(reportEntries(results).stream().anyMatch(e -> "5 finished trials without a new best value"
                .equals(e.get("hpo.stopped"))), "the objective says why the study stopped");
        study(storage).selectors(selectClass(Plateau.class)).configurationParameter("hpo.patience", "0").execute();
        assertEquals(36, trials("Plateau.flat").size(), "hpo.patience = 0 runs every trial");
    }

    @Test
    void theTerminatorStopsAStudyOnceItsBoundIsBelowTheFoldsError() {
        EngineExecutionResults results = study(storage).selectors(selectMethod(CrossValidated.class, "folds",
                "double, dev.hpo.Trial")).execute();
        int run = trials("CrossValidated.folds").size();
        assertTrue(run > 20 && run < 200, run + " trials");
        String why = reportEntries(results).stream().map(e -> e.get("hpo.stopped")).filter(w -> w != null)
                .findFirst().orElseThrow();
        assertTrue(why.startsWith("after " + run + " completed trials the improvement still possible"), why);
        Study study = Study.load(storage, "CrossValidated.folds");
        assertEquals(run - 19, TerminatorCallback.evaluations(study.systemAttrs()).size(),
                "one stored judgement per trial from the 20th");
    }

    @Test
    void aCrossValidationTerminatorWithoutFoldScoresFailsAtTheFirstTrial() {
        EngineExecutionResults results = study(storage).selectors(selectMethod(CrossValidated.class, "noScores",
                "double")).execute();
        assertEquals(1, trials("CrossValidated.noScores").size());
        String message = throwable(results.containerEvents().failed().list().get(0)).getMessage();
        assertTrue(message.contains("trial 0 reported no cross-validation scores: call"
                + " Terminator.reportCrossValidationScores(trial, scores)"), message);
    }

    @Test
    void announcedStudiesAndTrialsArePrintedAsTheyStart() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            study(storage).selectors(selectClass(Bowl.class)).configurationParameter("hpo.announceTrials", "true")
                    .execute();
            study(storage).selectors(selectClass(Bowl.class)).execute();
        } finally {
            System.setOut(stdout);
        }
        assertEquals(List.of("[hpo:objective] Bowl.bowl", "[hpo:started] 0 Bowl.bowl", "[hpo:started] 1 Bowl.bowl",
                "[hpo:started] 2 Bowl.bowl", "[hpo:started] 3 Bowl.bowl", "[hpo:started] 4 Bowl.bowl"),
                printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[hpo:")).toList(),
                "the first run's study, then its five trials; the second run announces none");
    }

    @Test
    void theObjectivesMetricNamesTheStudysValue() {
        study(storage).selectors(selectClass(Plateau.class)).execute();
        assertEquals(List.of("loss"), Study.load(storage, "Plateau.flat").metricNames());
    }

    @Test
    void trialIsNamedLikeAParameterizedInvocationWithItsParameters() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class)).execute();
        TestDescriptor first = results.testEvents().dynamicallyRegistered().list().get(0).getTestDescriptor();
        FrozenTrial stored = trials("Bowl.bowl").get(0);
        assertEquals("bowl()[0] x=" + TrialNames.format(stored.params().get("x")) + ", k=" + stored.params().get("k"),
                first.getDisplayName());
        assertTrue(first.getUniqueId().toString().endsWith("[objective:bowl(double,int)]/[trial:0]"));
    }

    @Test
    void everyFinishedTrialPublishesItsReportEntry() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class)).execute();
        List<Map<String, String>> entries = reportEntries(results);
        assertEquals(5, entries.size());
        List<FrozenTrial> stored = trials("Bowl.bowl");
        FrozenTrial best = stored.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
        Map<String, String> last = entries.get(4);
        assertEquals("Bowl.bowl", last.get("hpo.study"));
        assertEquals("4", last.get("hpo.trial"));
        assertEquals("COMPLETE", last.get("hpo.state"));
        assertEquals(Double.toString(stored.get(4).value()), last.get("hpo.value"));
        assertEquals(Double.toString(best.value()), last.get("hpo.best"));
        assertEquals(Integer.toString(best.number()), last.get("hpo.bestTrial"));
        assertEquals("5", last.get("hpo.trials"));
        assertEquals("5", last.get("hpo.finished"));
    }

    @Test
    void reportEntryIsPublishedOnTheTrialBeforeItFinishes() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class)).execute();
        List<Event> events = results.allEvents().list();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (e.getType() == org.junit.platform.testkit.engine.EventType.REPORTING_ENTRY_PUBLISHED
                    && !(e.getTestDescriptor() instanceof HpoEngineDescriptor)) {  // the engine names studies first
                Event next = events.get(i + 1);
                assertEquals(org.junit.platform.testkit.engine.EventType.FINISHED, next.getType());
                assertEquals(e.getTestDescriptor(), next.getTestDescriptor());
            }
        }
    }

    @Test
    void configurationOverridesTheAnnotatedTrialCount() {
        study(storage).selectors(selectClass(Bowl.class)).configurationParameter("hpo.trials", "2").execute();
        assertEquals(2, trials("Bowl.bowl").size());
    }

    @Test
    void secondRunResumesTheStudyAndAddsAsManyTrialsAgain() {
        study(storage).selectors(selectClass(Bowl.class)).execute();
        EngineExecutionResults second = study(storage).selectors(selectClass(Bowl.class)).execute();
        assertEquals(10, trials("Bowl.bowl").size());
        assertTrue(second.testEvents().dynamicallyRegistered().list().get(0).getTestDescriptor().getDisplayName()
                .startsWith("bowl()[5] "));
    }

    @Test
    void prunedTrialIsAbortedWithTheStepItWasPrunedAt() {
        enqueueFlaky(3, 0, 0, 0);
        EngineExecutionResults results = study(storage).selectors(selectClass(Flaky.class)).execute();
        Event aborted = results.testEvents().aborted().list().get(0);
        Throwable t = throwable(aborted);
        assertInstanceOf(TestAbortedException.class, t);
        assertEquals("trial 0 of study Flaky.flaky pruned at step 3", t.getMessage());
        assertEquals(TrialState.PRUNED, trials("Flaky.flaky").get(0).state());
        assertEquals("PRUNED", reportEntries(results).get(0).get("hpo.state"));
        assertEquals("3", reportEntries(results).get(0).get("hpo.step"), "the log line shows the step");
    }

    @Test
    void failedTrialFailsWithItsExceptionAndTheStudyGoesOn() {
        enqueueFlaky(1, 0, 0, 0);
        EngineExecutionResults results = study(storage).selectors(selectClass(Flaky.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(4 + OBJECTIVE).failed(1).succeeded(3 + OBJECTIVE));
        Throwable t = throwable(results.testEvents().failed().list().get(0));
        assertInstanceOf(IllegalStateException.class, t);
        assertEquals("broken for k = 1", t.getMessage());
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertEquals(TrialState.FAIL, trials("Flaky.flaky").get(0).state());
    }

    @Test
    void trialReturningNaNFails() {
        enqueueFlaky(2, 0, 0, 0);
        EngineExecutionResults results = study(storage).selectors(selectClass(Flaky.class)).execute();
        String message = throwable(results.testEvents().failed().list().get(0)).getMessage();
        assertEquals("trial 0 of study Flaky.flaky failed: the objective returned NaN", message);
        assertFalse(reportEntries(results).get(0).containsKey("hpo.value"));
    }

    @Test
    void objectiveFailsWhenNoTrialOfTheRunCompleted() {
        EngineExecutionResults results = study(storage).selectors(selectClass(AlwaysFailing.class)).execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(3).failed(3 + OBJECTIVE));
        Event objective = results.containerEvents().failed().list().get(0);
        assertEquals("broken(int)", objective.getTestDescriptor().getDisplayName());
        String message = throwable(objective).getMessage();
        assertEquals("study AlwaysFailing.broken: none of the 3 trials of this run completed"
                + " (0 complete, 0 pruned, 3 failed); the first failed with"
                + " java.lang.UnsupportedOperationException: not today (k = " + trials("AlwaysFailing.broken").get(0)
                .params().get("k") + ")", message);
        assertInstanceOf(UnsupportedOperationException.class, throwable(objective).getCause());
    }

    @Test
    void failedAssumptionAbortsItsTrialStoredAsFailStopsTheStudyAndAbortsTheObjective() {
        Assuming.CALLS.set(0);
        Log.EVENTS.clear();
        EngineExecutionResults results = study(storage).selectors(selectClass(Assuming.class)).execute();
        results.testEvents().assertStatistics(s -> s.dynamicallyRegistered(1).aborted(1 + OBJECTIVE).failed(0));
        assertEquals(1, Assuming.CALLS.get(), "the study stopped after the first trial");
        FrozenTrial trial = trials("Assuming.needsGpu").get(0);
        assertEquals(TrialState.FAIL, trial.state());
        assertEquals("Assumption failed: not today", trial.systemAttrs().get(StudyRun.ABORTED_ATTR));
        assertTrue(String.valueOf(trial.systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("not today"));
        assertEquals(List.of("aborted needsGpu()[0] i=" + trial.params().get("i") + ": Assumption failed: not today"),
                Log.EVENTS, "the watcher hears of an aborted trial, not a failed one");
        Event objective = results.containerEvents().aborted().list().get(0);
        assertEquals("needsGpu(int)", objective.getTestDescriptor().getDisplayName());
        assertEquals("study Assuming.needsGpu skipped: an assumption failed in trial 0 (Assumption failed: not today),"
                + " which the next trials would fail as well", throwable(objective).getMessage());
        assertEquals("true", reportEntries(results).get(0).get("hpo.aborted"), "the trial's log line says so");
    }

    @Test
    void runThatOnlyPrunedPassesWhenTheStudyAlreadyHasACompletedTrial() {
        enqueueFlaky(0, 3, 3, 3, 3, 3, 3, 3);
        study(storage).selectors(selectClass(Flaky.class)).execute();
        EngineExecutionResults second = study(storage).selectors(selectClass(Flaky.class)).execute();
        second.testEvents().assertStatistics(s -> s.aborted(4));
        second.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void runThatOnlyPrunedFailsWhenTheStudyHasNoCompletedTrial() {
        enqueueFlaky(3, 3, 3, 3);
        EngineExecutionResults results = study(storage).selectors(selectClass(Flaky.class)).execute();
        results.containerEvents().assertStatistics(s -> s.failed(1));
    }

    @Test
    void everyTrialOfAnInstanceObjectiveGetsAFreshInstance() {
        EngineExecutionResults results = study(storage).selectors(selectClass(FreshInstance.class)).execute();
        assertTrue(reportEntries(results).stream().allMatch(e -> e.get("hpo.value").equals("1.0")));
    }

    @Test
    void everyParameterKindIsSuggestedInDeclarationOrder() {
        study(storage).selectors(selectClass(Kinds.class)).execute();
        FrozenTrial first = trials("Kinds.everything").get(0);
        assertEquals(List.of("trees", "depth", "width", "dropout", "scale", "rate", "rule", "kernel", "anyKernel",
                "shuffle"), List.copyOf(first.params().keySet()));
        assertEquals(4, trials("Kinds.everything").size());
    }

    @Test
    void injectedTrialTakesDefineByRunSuggestionsAndAttributes() {
        study(storage).selectors(selectClass(DefineByRun.class)).execute();
        FrozenTrial first = trials("dbr").get(0);
        assertEquals(List.of("layers"), List.copyOf(first.params().keySet()));
        assertEquals("layers " + first.params().get("layers"), first.userAttrs().get("note"));
    }

    @Test
    void studyRecordsTheObjectiveAndItsThreshold() {
        study(storage).selectors(selectClass(DefineByRun.class)).execute();
        Map<String, Object> attrs = storage.study(storage.findStudy("dbr").orElseThrow()).systemAttrs();
        assertEquals(DefineByRun.class.getName() + ".search", attrs.get("hpo.objective"));
        assertEquals(0.5, attrs.get("hpo.threshold"));
    }

    @Test
    void studyPrefixIsPutInFrontOfTheStudyName() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class))
                .configurationParameter("hpo.study.prefix", "ci-").execute();
        assertTrue(storage.findStudy("ci-Bowl.bowl").isPresent());
        assertEquals("ci-Bowl.bowl", reportEntries(results).get(0).get("hpo.study"));
    }

    /** What lets hpo:optimize write the outputs of every study of the project and check its objectives filter. */
    @Test
    void theEngineNamesTheStudyOfEveryObjectiveItFoundEvenThoseTheFilterLeavesOut() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class), selectClass(Kinds.class))
                .configurationParameter("hpo.study.prefix", "ci-").configurationParameter("hpo.objectives", "Bowl.bowl")
                .execute();
        assertEquals(List.of("ci-Bowl.bowl", "ci-Kinds.everything"), namedStudies(results));
        assertTrue(storage.findStudy("ci-Kinds.everything").isEmpty(), "named, not run");
        assertEquals(List.of(), namedStudies(Engines.hpo().selectors(selectClass(Bowl.class)).execute()),
                "smoke mode names none: surefire and the IDE show report entries");
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void withHeartbeatsTheTrialOfAWorkerThatDiedIsMarkedFail() {
        MovableClock clock = new MovableClock();
        Storage shared = new InMemoryStorage(clock);
        // a worker with heartbeats starts trial 0 of the study and dies without a word
        Study dead = Study.builder().name("Bowl.bowl").storage(shared).heartbeatInterval(Duration.ofSeconds(1)).build();
        dead.ask();
        clock.now = clock.now.plusSeconds(10);
        study(shared).selectors(selectClass(Bowl.class)).configurationParameter("hpo.heartbeat", "1").execute();
        List<FrozenTrial> all = shared.trials(shared.findStudy("Bowl.bowl").orElseThrow());
        assertEquals(TrialState.FAIL, all.get(0).state());
        assertTrue(String.valueOf(all.get(0).systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("heartbeat"),
                all.get(0).systemAttrs().toString());
        assertEquals(5, all.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    }

    @Test
    void withoutHeartbeatsThatTrialStaysRunning() {
        MovableClock clock = new MovableClock();
        Storage shared = new InMemoryStorage(clock);
        Study.builder().name("Bowl.bowl").storage(shared).heartbeatInterval(Duration.ofSeconds(1)).build().ask();
        clock.now = clock.now.plusSeconds(10);
        study(shared).selectors(selectClass(Bowl.class)).execute();
        assertEquals(TrialState.RUNNING, shared.trials(shared.findStudy("Bowl.bowl").orElseThrow()).get(0).state());
    }

    @Test
    void objectivesFilterSkipsTheOtherObjectives() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Bowl.class), selectClass(DefineByRun.class))
                .configurationParameter("hpo.objectives", "dbr").execute();
        results.containerEvents().assertStatistics(s -> s.skipped(1));
        assertTrue(storage.findStudy("Bowl.bowl").isEmpty());
        assertTrue(storage.findStudy("dbr").isPresent());
    }

    @Test
    void objectivesFilterAcceptsWildcards() {
        study(storage).selectors(selectClass(Bowl.class), selectClass(DefineByRun.class))
                .configurationParameter("hpo.objectives", "Bo*.bowl, nothing").execute();
        assertTrue(storage.findStudy("Bowl.bowl").isPresent());
        assertTrue(storage.findStudy("dbr").isEmpty());
    }

    @Test
    void sameSeedGivesTheSameTrials() {
        Storage other = new InMemoryStorage();
        study(storage).selectors(selectClass(Bowl.class)).configurationParameter("hpo.seed", "7").execute();
        study(other).selectors(selectClass(Bowl.class)).configurationParameter("hpo.seed", "7").execute();
        assertEquals(trials("Bowl.bowl").stream().map(FrozenTrial::params).toList(),
                other.trials(other.findStudy("Bowl.bowl").orElseThrow()).stream().map(FrozenTrial::params).toList());
    }
}
