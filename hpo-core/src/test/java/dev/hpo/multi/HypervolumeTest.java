package dev.hpo.multi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    @Test
    void singlePointIsItsBox() {
        assertEquals(6.0, Hypervolume.of(new double[][] {{1, 2}}, new double[] {3, 5}), 1e-12);
    }

    @Test
    void twoDimensionalStaircaseByHand() {
        // Points (1,3), (2,2), (3,1) with reference (4,4): 3 + 2*... computed by hand as 1*1 + 2*2 + 3*3 minus overlaps = 6.
        double[][] pts = {{1, 3}, {2, 2}, {3, 1}};
        assertEquals(6.0, Hypervolume.of(pts, new double[] {4, 4}), 1e-12);
    }

    @Test
    void dominatedAndOutsidePointsAddNothing() {
        double[][] pts = {{1, 3}, {2, 2}, {3, 1}, {3, 3}, {5, 0}};
        assertEquals(6.0, Hypervolume.of(pts, new double[] {4, 4}), 1e-12);
    }

    @Test
    void threeDimensionsByHand() {
        // Two boxes [1,2]^3 reaching (2,2,2) from (0,0,1) and (0,1,0): volumes 2*2*1 + 2*1*2 - overlap 2*1*1 = 6.
        double[][] pts = {{0, 0, 1}, {0, 1, 0}};
        assertEquals(6.0, Hypervolume.of(pts, new double[] {2, 2, 2}), 1e-12);
    }

    @Test
    void frontsAndCrowdingDistance() {
        List<Direction> min2 = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> trials = ParetoTest.completeTrials(new double[][] {{1, 5}, {2, 3}, {4, 1}, {3, 4}, {5, 5}});
        List<List<FrozenTrial>> fronts = ConstrainedDominance.fronts(trials, min2);
        assertEquals(List.of(0, 1, 2), fronts.get(0).stream().map(FrozenTrial::number).toList());
        assertEquals(List.of(3), fronts.get(1).stream().map(FrozenTrial::number).toList());
        assertEquals(List.of(4), fronts.get(2).stream().map(FrozenTrial::number).toList());
        double[] crowding = ConstrainedDominance.crowdingDistance(fronts.get(0), min2);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 3.0 / 3 + 4.0 / 4, Double.POSITIVE_INFINITY},
                crowding, 1e-12);
    }

    @Test
    void feasibleTrialDominatesInfeasibleOne() {
        List<Direction> min2 = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        FrozenTrial good = new FrozenTrial(0, 0, TrialState.COMPLETE, List.of(9.0, 9.0), null, null, null, null,
                Map.of("constraints:c", -1.0), null, null);
        FrozenTrial bad = new FrozenTrial(1, 1, TrialState.COMPLETE, List.of(0.0, 0.0), null, null, null, null,
                Map.of("constraints:c", 2.0), null, null);
        FrozenTrial worse = new FrozenTrial(2, 2, TrialState.COMPLETE, List.of(0.0, 0.0), null, null, null, null,
                Map.of("constraints:c", 3.0), null, null);
        assertEquals(true, ConstrainedDominance.dominates(good, bad, min2));
        assertEquals(true, ConstrainedDominance.dominates(bad, worse, min2));
        assertEquals(false, ConstrainedDominance.dominates(bad, good, min2));
    }
}
