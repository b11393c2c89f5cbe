package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void rowShowsBestValueTrialCountsTimeAndParametersUnderAlignedHeaders() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", 0.123456789);
        params.put("kernel", "rbf");
        FrozenTrial best = new FrozenTrial(7, 7, TrialState.COMPLETE, List.of(0.441), params, null, null, null, null,
                null, null);
        StudyOutcome o = new StudyOutcome("Q.bowl", List.of(Direction.MINIMIZE), List.of(), best, List.of(), 18, 1, 1,
                Duration.ofMillis(2345), List.of(), "sample.Q.bowl", List.of());
        List<String> lines = SummaryTable.lines(List.of(o));
        assertEquals(List.of(
                "study   direction  best   trial  complete  pruned  failed  time   best parameters",
                "Q.bowl  minimize   0.441  #7     18        1       1       2.3 s  x=0.123457, kernel=rbf"), lines);
    }

    @Test
    void aMultiObjectiveStudyWithThresholdsShowsTheFirstFrontTrialThatReachesThemAll() {
        List<FrozenTrial> front = List.of(
                new FrozenTrial(2, 2, TrialState.COMPLETE, List.of(0.3, 9.0), Map.of("x", 0.7), null, null, null, null,
                        null, null),
                new FrozenTrial(5, 5, TrialState.COMPLETE, List.of(0.08, 6.0), Map.of("x", 0.4), null, null, null,
                        null, null, null),
                new FrozenTrial(4, 4, TrialState.COMPLETE, List.of(0.05, 5.5), Map.of("x", 0.3), null, null, null,
                        null, null, null));
        StudyOutcome o = new StudyOutcome("T.off", List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of(0.1, 5.0),
                null, front, 6, 0, 0, Duration.ofMillis(900), List.of(), null, List.of());
        assertEquals(List.of("T.off", "minimize,maximize", "3 on Pareto front, 2 reach the thresholds", "#4", "6", "0",
                "0", "0.9 s", "x=0.3"), SummaryTable.cells(o));
    }

    @Test
    void oneFrontTrialThatReachesTheThresholdsIsCountedInTheSingular() {
        FrozenTrial reaching = new FrozenTrial(4, 4, TrialState.COMPLETE, List.of(0.05, 5.5), Map.of("x", 0.3), null,
                null, null, null, null, null);
        StudyOutcome o = new StudyOutcome("T.off", List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of(0.1, 5.0),
                null, List.of(reaching), 1, 0, 0, Duration.ZERO, List.of(), null, List.of());
        assertEquals("1 on Pareto front, 1 reaches the thresholds", SummaryTable.cells(o).get(2));
        assertEquals("1 trial", Numbers.count(1, "trial"));
        assertEquals("2 studies", Numbers.count(2, "study"));
    }

    @Test
    void longDurationsAreShownInMinutes() {
        assertEquals("2:05 min", SummaryTable.duration(Duration.ofSeconds(125)));
    }
}
