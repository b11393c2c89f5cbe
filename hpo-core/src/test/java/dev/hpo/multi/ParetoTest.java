package dev.hpo.multi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParetoTest {

    private static final double[] AWKWARD = {0.0, -0.0, 1.0, -1.0, 2.5, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};

    /** The definition: every trial that no other trial dominates, in input order. */
    private static List<FrozenTrial> pairwise(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (trials.stream().noneMatch(o -> o != t && Pareto.dominates(o.values(), t.values(), directions))) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void oneObjectiveFrontIsEveryTrialAtTheBestValueTiesAndNaNIncluded() {
        Random random = new Random(7);
        for (Direction direction : Direction.values()) {
            for (int round = 0; round < 500; round++) {
                double[][] values = new double[1 + random.nextInt(12)][1];
                for (double[] v : values) {
                    v[0] = random.nextInt(3) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] : random.nextInt(4);
                }
                List<FrozenTrial> trials = completeTrials(values);
                List<Direction> directions = List.of(direction);
                assertEquals(pairwise(trials, directions), Pareto.front(trials, directions),
                        direction + " " + trials.stream().map(t -> t.values().get(0)).toList());
            }
        }
    }

    /** The sweep in sorted order finds what comparing every pair finds, ties, -0.0, infinities and NaN included. */
    @Test
    void severalObjectivesFrontIsThePairwiseOne() {
        Random random = new Random(11);
        for (int objectives = 2; objectives <= 4; objectives++) {
            for (int round = 0; round < 400; round++) {
                double[][] values = new double[1 + random.nextInt(40)][objectives];
                for (double[] v : values) {
                    for (int j = 0; j < objectives; j++) {
                        v[j] = random.nextInt(8) == 0 ? AWKWARD[random.nextInt(AWKWARD.length)] : random.nextInt(5);
                    }
                }
                List<FrozenTrial> trials = completeTrials(values);
                List<Direction> directions = new ArrayList<>();
                for (int j = 0; j < objectives; j++) {
                    directions.add(random.nextBoolean() ? Direction.MINIMIZE : Direction.MAXIMIZE);
                }
                assertEquals(pairwise(trials, directions), Pareto.front(trials, directions),
                        directions + " " + trials.stream().map(FrozenTrial::values).toList());
            }
        }
    }

    @Test
    void pointsThatNoOrderTakesAreRefusedNamingThePoint() {
        IllegalArgumentException nan = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Pareto.front(List.of(new double[] {1, 2}, new double[] {Double.NaN, 0})));
        assertEquals("point 1 [NaN, 0.0] holds NaN, which no dominance order takes; leave such points out",
                nan.getMessage());
        IllegalArgumentException ragged = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Pareto.front(List.of(new double[] {1, 2}, new double[] {3})));
        assertEquals("point 1 has 1 values, point 0 has 2; every point needs one value per objective",
                ragged.getMessage());
        assertEquals(1, Pareto.front(List.of(new double[] {1, 2}, new double[] {2, 3})).size());
    }

    @Test
    void twoObjectivesKeepTheTradeOffs() {
        List<Direction> min2 = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> trials = completeTrials(new double[][] {{1, 5}, {2, 3}, {2, 3}, {3, 4}, {4, 1}});
        assertEquals(List.of(0, 1, 2, 4), Pareto.front(trials, min2).stream().map(FrozenTrial::number).toList());
    }

    /** Completed trials numbered 0, 1, … with the given rows as their values. */
    static List<FrozenTrial> completeTrials(double[][] values) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            List<Double> v = new ArrayList<>();
            for (double x : values[i]) {
                v.add(x);
            }
            trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, v, null, null, null, null, null, null, null));
        }
        return trials;
    }
}
