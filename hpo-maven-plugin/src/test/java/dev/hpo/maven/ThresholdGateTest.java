package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.FloatDistribution;
import dev.hpo.storage.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdGateTest {

    private final InMemoryStorage storage = new InMemoryStorage();

    private long study(String name, Direction direction, Object threshold) {
        long id = storage.createStudy(name, List.of(direction));
        if (threshold != null) {
            storage.setStudyUserAttr(id, StudyOutcome.THRESHOLD_ATTR, threshold);
        }
        return id;
    }

    private void trial(long study, TrialState state, Double value, String failReason) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        storage.createTrial(study, new FrozenTrial(0, -1, state, value == null ? null : List.of(value),
                Map.of("x", 0.5), Map.of("x", FloatDistribution.of(0, 1)), null, null,
                failReason == null ? Map.of() : Map.of(Study.FAIL_REASON_ATTR, failReason), t, t.plusMillis(250)));
    }

    private StudyOutcome read(String name, List<Integer> runNumbers) {
        return StudyOutcome.read(storage, name, runNumbers);
    }

    @Test
    void minimizeStudyAboveItsThresholdMissesItWithTheRequiredSentence() {
        long id = study("QuadraticTuning.bowl", Direction.MINIMIZE, 2.0);
        trial(id, TrialState.COMPLETE, 3.5, null);
        trial(id, TrialState.COMPLETE, 2.31, null);
        assertEquals(List.of("study QuadraticTuning.bowl: best 2.31 (trial 1) missed threshold 2.0 (minimize)"),
                ThresholdGate.misses(List.of(read("QuadraticTuning.bowl", List.of()))));
    }

    @Test
    void maximizeStudyReachingItsThresholdExactlyPasses() {
        long id = study("Digits.accuracy", Direction.MAXIMIZE, 0.95);
        trial(id, TrialState.COMPLETE, 0.95, null);
        assertEquals(List.of(), ThresholdGate.misses(List.of(read("Digits.accuracy", List.of()))));
    }

    @Test
    void maximizeStudyBelowItsThresholdMissesIt() {
        long id = study("Digits.accuracy", Direction.MAXIMIZE, "0.95");
        trial(id, TrialState.COMPLETE, 0.9, null);
        assertEquals(List.of("study Digits.accuracy: best 0.9 (trial 0) missed threshold 0.95 (maximize)"),
                ThresholdGate.misses(List.of(read("Digits.accuracy", List.of()))));
    }

    @Test
    void thresholdStoredAsSystemAttributeCountsToo() {
        long id = study("A.b", Direction.MINIMIZE, null);
        storage.setStudySystemAttr(id, StudyOutcome.THRESHOLD_ATTR, 1.0);
        trial(id, TrialState.COMPLETE, 1.5, null);
        assertEquals(1, ThresholdGate.misses(List.of(read("A.b", List.of()))).size());
    }

    @Test
    void studyWithoutThresholdIsNotJudged() {
        long id = study("A.b", Direction.MINIMIZE, null);
        trial(id, TrialState.COMPLETE, 1e9, null);
        StudyOutcome o = read("A.b", List.of());
        assertNull(o.threshold());
        assertEquals(List.of(), ThresholdGate.misses(List.of(o)));
    }

    @Test
    void everyTrialOfThisBuildFailingIsBrokenEvenWhenEarlierBuildsCompleted() {
        long id = study("A.b", Direction.MINIMIZE, null);
        trial(id, TrialState.COMPLETE, 1.0, null);
        trial(id, TrialState.FAIL, null, "ArithmeticException: / by zero");
        trial(id, TrialState.FAIL, null, "ArithmeticException: / by zero");
        assertEquals(List.of("study A.b: all 2 trials of this build failed; last failure: ArithmeticException: / by zero"),
                ThresholdGate.broken(List.of(read("A.b", List.of(1, 2)))));
    }

    /** The engine fails such a study's objective too: the build reports it once, as the study's verdict. */
    @Test
    void theForksFailureOfAStudyWithoutResultIsLeftToTheStudysOwnVerdict() {
        long broken = study("A.b", Direction.MINIMIZE, null);
        trial(broken, TrialState.FAIL, null, "ArithmeticException: / by zero");
        long fine = study("C.d", Direction.MINIMIZE, null);
        trial(fine, TrialState.COMPLETE, 1.0, null);
        ForkRun.Failure noResult = new ForkRun.Failure("hpo > A > b()", "study A.b: the only trial ...", "A.b");
        ForkRun.Failure malformed = new ForkRun.Failure("hpo > E > f(int)", "min 30 > max 2");
        ForkRun.Failure notBrokenHere = new ForkRun.Failure("hpo > C > d()", "study C.d: none of the 0 trials", "C.d");
        assertEquals(List.of(malformed, notBrokenHere), ThresholdGate.notJudged(List.of(noResult, malformed,
                notBrokenHere), List.of(read("A.b", List.of(0)), read("C.d", List.of()))));
    }

    /** The engine aborts the objective of such a study, as Jupiter skips a test whose assumption fails. */
    @Test
    void studyWhoseRunAnAssumptionAbortedIsSkippedRatherThanBrokenOrMissed() {
        long id = study("A.b", Direction.MINIMIZE, 1.0);
        trial(id, TrialState.COMPLETE, 3.0, null);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        storage.createTrial(id, new FrozenTrial(0, -1, TrialState.FAIL, null, Map.of("x", 0.5),
                Map.of("x", FloatDistribution.of(0, 1)), null, null, Map.of(Study.FAIL_REASON_ATTR,
                        "org.opentest4j.TestAbortedException: Assumption failed: no GPU", StudyOutcome.ABORTED_ATTR,
                        "Assumption failed: no GPU"), t, t));
        List<StudyOutcome> outcomes = List.of(read("A.b", List.of(1)));
        assertEquals(List.of(), ThresholdGate.broken(outcomes));
        assertEquals(List.of(), ThresholdGate.misses(outcomes), "its threshold is not judged in this build");
        assertEquals(List.of("study A.b skipped: an assumption failed in trial 1: Assumption failed: no GPU"),
                ThresholdGate.skipped(outcomes));
        assertEquals(List.of(), ThresholdGate.skipped(List.of(read("A.b", List.of(0)))));
    }

    @Test
    void studyWithoutAnyCompletedTrialIsBroken() {
        long id = study("A.b", Direction.MINIMIZE, null);
        trial(id, TrialState.PRUNED, 4.0, null);
        trial(id, TrialState.FAIL, null, null);
        assertEquals(List.of("study A.b: no trial completed (1 pruned, 1 failed)"),
                ThresholdGate.broken(List.of(read("A.b", List.of(0, 1)))));
    }

    /** As Study.bestTrial(): a trial that breaks a constraint is never the best, nor does it reach a threshold. */
    @Test
    void studyWhoseCompletedTrialsAllBreakAConstraintIsBrokenNotJudgedOnThem() {
        long id = study("A.b", Direction.MINIMIZE, 2.0);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (double value : new double[] {0.5, 1.0}) {
            storage.createTrial(id, new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(value), Map.of("x", 0.5),
                    Map.of("x", FloatDistribution.of(0, 1)), null, null,
                    Map.of(FrozenTrial.CONSTRAINT_PREFIX + "budget", 3.0), t, t.plusMillis(250)));
        }
        StudyOutcome o = read("A.b", List.of(0, 1));
        assertNull(o.best(), "no feasible trial, no best");
        assertEquals(List.of(), ThresholdGate.misses(List.of(o)));
        assertEquals(List.of("study A.b: none of its 2 completed trials satisfies its constraints (a constraint is"
                + " satisfied at or below 0), so it has no best parameters"), ThresholdGate.broken(List.of(o)));
        trial(id, TrialState.COMPLETE, 1.5, null);
        assertEquals(2, read("A.b", List.of(2)).best().number(), "the feasible one, though two are lower");
    }

    @Test
    void outcomeCountsStatesAndSumsTrialTime() {
        long id = study("A.b", Direction.MINIMIZE, null);
        trial(id, TrialState.COMPLETE, 1.0, null);
        trial(id, TrialState.PRUNED, 2.0, null);
        trial(id, TrialState.FAIL, null, null);
        StudyOutcome o = read("A.b", List.of(2));
        assertEquals(List.of(1, 1, 1, 750L), List.of(o.complete(), o.pruned(), o.failed(), o.trialTime().toMillis()));
        assertEquals(List.of(2), o.runTrials().stream().map(FrozenTrial::number).toList());
        assertEquals(0, o.best().number());
    }

    /** A two-objective study (error down, speed up) with the engine's thresholds list and the given trials' values. */
    private StudyOutcome twoObjectives(List<Object> thresholds, double[]... values) {
        long id = storage.createStudy("Trade.off", List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        storage.setStudySystemAttr(id, StudyOutcome.THRESHOLD_ATTR, thresholds);
        storage.setStudySystemAttr(id, Study.METRIC_NAMES_ATTR, List.of("error", "speed"));
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (double[] v : values) {
            storage.createTrial(id, new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(v[0], v[1]), Map.of(),
                    Map.of(), null, null, Map.of(), t, t.plusMillis(250)));
        }
        return read("Trade.off", List.of());
    }

    @Test
    void aMultiObjectiveStudyPassesWhenOneTrialReachesEveryThresholdAtOnce() {
        StudyOutcome o = twoObjectives(List.of(0.1, 5.0), new double[] {0.05, 3}, new double[] {0.2, 9},
                new double[] {0.08, 6});
        assertNull(ThresholdGate.miss(o), "trial 2 reaches both");
        assertEquals("error ≤ 0.1, speed ≥ 5.0", o.thresholdsText());
    }

    @Test
    void aMultiObjectiveStudyWhoseTrialsEachMissOneThresholdMissesTheGate() {
        StudyOutcome o = twoObjectives(List.of(0.1, 5.0), new double[] {0.05, 3}, new double[] {0.2, 9});
        assertEquals(List.of("study Trade.off: none of its 2 Pareto-optimal trials reaches every threshold at once"
                + " (error ≤ 0.1, speed ≥ 5.0)"), ThresholdGate.misses(List.of(o)));
    }

    @Test
    void aFreeValueIsNotJudged() {
        StudyOutcome o = twoObjectives(List.of("none", 5.0), new double[] {0.9, 6});
        assertNull(ThresholdGate.miss(o));
        assertEquals("speed ≥ 5.0", o.thresholdsText());
        assertNull(o.threshold(), "no single threshold");
    }
}
