package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MOTPE's below/above split, its hypervolume weights, and the constraint ordering of {@link TrialSplit}. */
class MultiObjectiveSplitTest {

    private static final List<Direction> MIN_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    private static FrozenTrial trial(int number, TrialState state, List<Double> values, Double constraint) {
        Map<String, Object> system = new HashMap<>();
        if (constraint != null) {
            system.put(FrozenTrial.CONSTRAINT_PREFIX + "c", constraint);
        }
        return new FrozenTrial(number, number, state, values, null, null, null, null, system, null, null);
    }

    private static FrozenTrial two(int number, double a, double b) {
        return trial(number, TrialState.COMPLETE, List.of(a, b), null);
    }

    private static List<Integer> numbers(List<FrozenTrial> trials) {
        List<Integer> out = new ArrayList<>();
        trials.forEach(t -> out.add(t.number()));
        return out;
    }

    /** Front 1: trials 1, 3, 5; front 2: trials 0, 2, 6 ((2, 2) in the middle); front 3: trial 4. */
    private static List<FrozenTrial> threeFronts() {
        return List.of(two(0, 1, 4), two(1, 0, 3), two(2, 2, 2), two(3, 1, 1), two(4, 5, 5), two(5, 3, 0),
                two(6, 4, 1));
    }

    @Test
    void wholeFrontsGoBelowInOrder() {
        TrialSplit split = TrialSplit.of(threeFronts(), 3, MIN_MIN);
        assertEquals(List.of(1, 3, 5), numbers(split.below()));
        assertEquals(List.of(0, 2, 4, 6), numbers(split.above()));
        assertEquals(List.of(0, 1, 2, 3, 5, 6), numbers(TrialSplit.of(threeFronts(), 6, MIN_MIN).below()));
    }

    @Test
    void theLastFrontIsThinnedByHypervolumeContribution() {
        // against the front's reference (4.4, 4.4), (2, 2) alone dominates 5.76, (1, 4) and (4, 1) only 1.36
        TrialSplit split = TrialSplit.of(threeFronts(), 4, MIN_MIN);
        assertEquals(List.of(1, 2, 3, 5), numbers(split.below()));
    }

    @Test
    void maximizedObjectivesAreTurnedAround() {
        List<FrozenTrial> trials = List.of(two(0, 0, 0), two(1, 5, 5), two(2, 1, 1));
        TrialSplit split = TrialSplit.of(trials, 1, List.of(Direction.MAXIMIZE, Direction.MAXIMIZE));
        assertEquals(List.of(1), numbers(split.below()));
    }

    @Test
    void prunedTrialsAreLeftOutWithSeveralObjectives() {
        List<FrozenTrial> trials = List.of(two(0, 1, 1), trial(1, TrialState.PRUNED, null, null), two(2, 2, 2));
        TrialSplit split = TrialSplit.of(trials, 2, MIN_MIN);
        assertEquals(List.of(0, 2), numbers(split.below()));
        assertEquals(List.of(), numbers(split.above()));
    }

    @Test
    void infeasibleTrialsAreNeverBelowWhileFeasibleOnesCanFillTheirPlace() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the infeasible even trials have the better values
            boolean feasible = i % 2 == 1;
            trials.add(trial(i, TrialState.COMPLETE, List.of((double) (10 - i)), feasible ? -1.0 : 0.5 + i));
        }
        TrialSplit split = TrialSplit.of(trials, 3, Direction.MINIMIZE);
        assertEquals(List.of(1, 3, 5), numbers(split.below()));
        // with more places than feasible trials, the least violating infeasible trial comes next
        assertEquals(List.of(0, 1, 3, 5), numbers(TrialSplit.of(trials, 4, Direction.MINIMIZE).below()));
    }

    @Test
    void infeasibleTrialsAreNeverBelowWithSeveralObjectivesEither() {
        List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, List.of(0.0, 0.0), 1.0),
                trial(1, TrialState.COMPLETE, List.of(5.0, 5.0), 0.0), trial(2, TrialState.COMPLETE,
                        List.of(4.0, 6.0), -2.0));
        assertEquals(List.of(1, 2), numbers(TrialSplit.of(trials, 2, MIN_MIN).below()));
    }

    @Test
    void feasiblePrunedTrialsComeBeforeInfeasibleOnes() {
        List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, List.of(1.0), 3.0),
                trial(1, TrialState.PRUNED, null, -1.0), trial(2, TrialState.COMPLETE, List.of(9.0), -1.0));
        assertEquals(List.of(1, 2), numbers(TrialSplit.of(trials, 2, Direction.MINIMIZE).below()));
    }

    @Test
    void weightsFollowHypervolumeContributionsAndPeakAtOne() {
        // reference (3.3, 3.3): (1, 1) adds 4, each end adds 0.3; (2, 2) is dominated by (1, 1)
        List<FrozenTrial> below = List.of(two(0, 0, 3), two(1, 1, 1), two(2, 3, 0), two(3, 2, 2));
        double[] w = HypervolumeWeights.of(below, MIN_MIN);
        assertEquals(1.0, w[1], 1e-12);
        assertEquals(0.075, w[0], 1e-9);
        assertEquals(0.075, w[2], 1e-9);
        assertTrue(w[3] > 0 && w[3] < 1e-9, "a dominated trial weighs almost nothing: " + w[3]);
        assertEquals(1.15, w[0] + w[1] + w[2] + w[3], 1e-9);
    }

    @Test
    void infeasibleBelowTrialsWeighAlmostNothing() {
        List<FrozenTrial> below = List.of(two(0, 0, 3), trial(1, TrialState.COMPLETE, List.of(1.0, 1.0), 2.0),
                two(2, 3, 0));
        double[] w = HypervolumeWeights.of(below, MIN_MIN);
        assertEquals(1.0, w[0], 1e-12);
        assertEquals(1.0, w[2], 1e-12);
        assertTrue(w[1] > 0 && w[1] < 1e-9, "infeasible weight " + w[1]);
    }

    @Test
    void aSingleBelowTrialWeighsOne() {
        assertEquals(1.0, HypervolumeWeights.of(List.of(two(0, 1, 2)), MIN_MIN)[0]);
        assertEquals(0, HypervolumeWeights.of(List.of(), MIN_MIN).length);
    }
}
