package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RankedTrialsTest {

    private static FrozenTrial trial(int number, TrialState state, double value, boolean feasible) {
        Map<String, Object> system = feasible ? null : Map.of(FrozenTrial.CONSTRAINT_PREFIX + "0", 1.0);
        TreeMap<Integer, Double> iv = state == TrialState.PRUNED ? new TreeMap<>(Map.of(1, value)) : null;
        return new FrozenTrial(number, number, state, List.of(value), null, null, iv, null, system, null, null);
    }

    private static int[] numbers(List<FrozenTrial> trials) {
        return trials.stream().mapToInt(FrozenTrial::number).toArray();
    }

    @Test
    void belowAndOthersAreTheSplitsOfTrialsFiledInAnyOrder() {
        SplittableRandom random = new SplittableRandom(5);
        for (Direction direction : Direction.values()) {
            List<FrozenTrial> trials = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // few distinct values: many ties; some pruned and some infeasible trials
                TrialState state = random.nextInt(10) == 0 ? TrialState.PRUNED : TrialState.COMPLETE;
                trials.add(trial(i, state, random.nextInt(40) / 4.0, random.nextInt(8) != 0));
            }
            List<FrozenTrial> arrival = new ArrayList<>(trials);
            Collections.shuffle(arrival, new java.util.Random(7));
            RankedTrials ranked = new RankedTrials();
            arrival.forEach(t -> ranked.add(t, direction));
            for (int nBelow : new int[] {1, 10, 25, 200}) {
                TrialSplit split = TrialSplit.of(trials, nBelow, direction);
                int[] below = ranked.below(nBelow);
                assertArrayEquals(numbers(split.below()), below, direction + ", " + nBelow + " below");
                assertArrayEquals(numbers(split.above()), ranked.others(below), direction + ", " + nBelow + " above");
            }
        }
    }

    @Test
    void tooFewFeasibleCompletedTrialsLeaveTheSplitToTheTrialList() {
        RankedTrials ranked = new RankedTrials();
        ranked.add(trial(0, TrialState.COMPLETE, 1, true), Direction.MINIMIZE);
        ranked.add(trial(1, TrialState.COMPLETE, 0, false), Direction.MINIMIZE);
        ranked.add(trial(2, TrialState.PRUNED, 0, true), Direction.MINIMIZE);
        assertNull(ranked.below(2));
        assertArrayEquals(new int[] {0}, ranked.below(1));
    }

    @Test
    void aNaNValueLeavesTheSplitToTheTrialList() {
        RankedTrials ranked = new RankedTrials();
        for (int i = 0; i < 5; i++) {
            ranked.add(trial(i, TrialState.COMPLETE, i == 3 ? Double.NaN : i, true), Direction.MINIMIZE);
        }
        assertNull(ranked.below(2));
    }
}
