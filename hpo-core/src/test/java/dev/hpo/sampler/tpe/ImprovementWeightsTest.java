package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ImprovementWeightsTest {

    private static FrozenTrial complete(int number, double value) {
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(value), null, null, null, null, null,
                null, null);
    }

    @Test
    void theBestGoodTrialWeighsOneMoreThanTheWorstAndTheRestInProportion() {
        List<FrozenTrial> below = List.of(complete(0, 3), complete(1, 1), complete(2, 2.5), complete(3, 2));
        assertArrayEquals(new double[] {0.3, 1.3, 0.55, 0.8},
                ImprovementWeights.of(below, Direction.MINIMIZE, 0.3), 1e-12);
        assertArrayEquals(new double[] {1.3, 0.3, 1.05, 0.8},
                ImprovementWeights.of(below, Direction.MAXIMIZE, 0.3), 1e-12, "maximizing turns them round");
    }

    @Test
    void equalValuesWeighAlike() {
        assertArrayEquals(new double[] {1.3, 1.3}, ImprovementWeights.of(List.of(complete(0, 2), complete(1, 2)),
                Direction.MINIMIZE, 0.3), 1e-12);
        assertArrayEquals(new double[] {1.3}, ImprovementWeights.of(List.of(complete(4, -7)), Direction.MINIMIZE, 0.3),
                1e-12);
    }

    @Test
    void prunedAndInfeasibleGoodTrialsWeighTheFloorAndDoNotSetTheScale() {
        FrozenTrial pruned = new FrozenTrial(2, 2, TrialState.PRUNED, List.of(0.1), null, null,
                new TreeMap<>(Map.of(3, 0.1)), null, null, null, null);
        FrozenTrial infeasible = new FrozenTrial(3, 3, TrialState.COMPLETE, List.of(-5.0), null, null, null, null,
                Map.of(FrozenTrial.CONSTRAINT_PREFIX + "budget", 2.0), null, null);
        List<FrozenTrial> below = List.of(complete(0, 1), complete(1, 2), pruned, infeasible);
        assertArrayEquals(new double[] {1.3, 0.3, 0.3, 0.3}, ImprovementWeights.of(below, Direction.MINIMIZE, 0.3),
                1e-12);
    }

    @Test
    void infiniteValuesAreTheEndsOfTheScaleAndDoNotSpoilTheOthers() {
        List<FrozenTrial> below = List.of(complete(0, Double.NEGATIVE_INFINITY), complete(1, 1), complete(2, 3),
                complete(3, Double.POSITIVE_INFINITY));
        assertArrayEquals(new double[] {1.3, 1.3, 0.3, 0.3}, ImprovementWeights.of(below, Direction.MINIMIZE, 0.3),
                1e-12);
        assertArrayEquals(new double[] {1.3, 1.3}, ImprovementWeights.of(List.of(complete(0, Double.NEGATIVE_INFINITY),
                complete(1, Double.NEGATIVE_INFINITY)), Direction.MINIMIZE, 0.3), 1e-12);
    }
}
