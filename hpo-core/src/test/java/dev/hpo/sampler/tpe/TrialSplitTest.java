package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialSplitTest {

    private static FrozenTrial complete(int number, double value) {
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(value), null, null, null, null, null,
                null, null);
    }

    private static FrozenTrial pruned(int number, int step, double value) {
        TreeMap<Integer, Double> iv = new TreeMap<>(Map.of(step, value));
        return new FrozenTrial(number, number, TrialState.PRUNED, List.of(value), null, null, iv, null, null, null,
                null);
    }

    private static FrozenTrial running(int number) {
        return new FrozenTrial(number, number, TrialState.RUNNING, null, null, null, null, null, null, null, null);
    }

    private static List<Integer> numbers(List<FrozenTrial> trials) {
        List<Integer> out = new ArrayList<>();
        trials.forEach(t -> out.add(t.number()));
        return out;
    }

    @Test
    void bestCompletedTrialsGoBelowInNumberOrder() {
        List<FrozenTrial> trials = List.of(complete(0, 5), complete(1, 1), complete(2, 3), complete(3, 0.5));
        TrialSplit split = TrialSplit.of(trials, 2, Direction.MINIMIZE);
        assertEquals(List.of(1, 3), numbers(split.below()));
        assertEquals(List.of(0, 2), numbers(split.above()));
        assertEquals(List.of(0, 2), numbers(TrialSplit.of(trials, 2, Direction.MAXIMIZE).below()));
    }

    @Test
    void tiesGoToTheEarlierTrial() {
        List<FrozenTrial> trials = List.of(complete(0, 2), complete(1, 1), complete(2, 1), complete(3, 1));
        assertEquals(List.of(1, 2), numbers(TrialSplit.of(trials, 2, Direction.MINIMIZE).below()));
    }

    @Test
    void prunedTrialsFillBelowByDepthThenByLastValue() {
        List<FrozenTrial> trials = List.of(complete(0, 10), pruned(1, 3, 0.1), pruned(2, 7, 9.0), pruned(3, 7, 2.0),
                complete(4, 20));
        // completed trials first, whatever their values
        assertEquals(List.of(0, 3, 4), numbers(TrialSplit.of(trials, 3, Direction.MINIMIZE).below()));
        // then the deepest pruned trials (step 7), the better last value first
        TrialSplit split = TrialSplit.of(trials, 4, Direction.MINIMIZE);
        assertEquals(List.of(0, 2, 3, 4), numbers(split.below()));
        assertEquals(List.of(1), numbers(split.above()));
    }

    @Test
    void runningTrialsAreAlwaysAbove() {
        List<FrozenTrial> trials = List.of(complete(0, 1), running(1), complete(2, 2));
        TrialSplit split = TrialSplit.of(trials, 5, Direction.MINIMIZE);
        assertEquals(List.of(0, 2), numbers(split.below()));
        assertEquals(List.of(1), numbers(split.above()));
    }
}
