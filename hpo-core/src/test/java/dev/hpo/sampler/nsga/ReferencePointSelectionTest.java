package dev.hpo.sampler.nsga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReferencePointSelectionTest {

    /** Twenty points evenly along the front f1 + f2 = 1, from (0, 1) to (1, 0). */
    private static double[][] line() {
        double[][] points = new double[20][];
        for (int k = 0; k < 20; k++) {
            double t = k / 19.0;
            points[k] = new double[] {t, 1 - t};
        }
        return points;
    }

    @Test
    void dasDennisPointsAreEveryMultipleOfTheDivisionOnTheSimplex() {
        double[][] two = ReferencePointSelection.dasDennis(2, 3);
        assertEquals(4, two.length);
        Set<List<Double>> expected = Set.of(List.of(1.0, 0.0), List.of(2 / 3.0, 1 / 3.0), List.of(1 / 3.0, 2 / 3.0),
                List.of(0.0, 1.0));
        Set<List<Double>> got = new HashSet<>();
        for (double[] p : two) {
            got.add(List.of(p[0], p[1]));
        }
        assertEquals(expected, got);
        double[][] three = ReferencePointSelection.dasDennis(3, 3);
        assertEquals(10, three.length, "C(5, 2)");
        assertEquals(15, ReferencePointSelection.dasDennis(3, 4).length, "C(6, 2)");
        Set<String> distinct = new HashSet<>();
        for (double[] p : three) {
            assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
            assertTrue(Arrays.stream(p).allMatch(v -> v >= 0));
            distinct.add(Arrays.toString(p));
        }
        assertEquals(10, distinct.size());
    }

    @Test
    void emptyNichesTakeTheMemberClosestToTheirDirection() {
        ReferencePointSelection selection = new ReferencePointSelection(ReferencePointSelection.dasDennis(2, 3));
        int[] taken = selection.choose(new double[0][], line(), 4, new SplittableRandom(1));
        Arrays.sort(taken);
        // the directions (0, 1), (1/3, 2/3), (2/3, 1/3), (1, 0) meet the line at t = 0, 1/3, 2/3 and 1
        assertArrayEquals(new int[] {0, 6, 13, 19}, taken);
    }

    @Test
    void nichesTheSelectedMembersAlreadyFillAreServedLast() {
        ReferencePointSelection selection = new ReferencePointSelection(ReferencePointSelection.dasDennis(2, 3));
        double[][] selected = {{0, 1}, {1, 0}};
        for (long seed = 0; seed < 10; seed++) {
            int[] taken = selection.choose(selected, line(), 2, new SplittableRandom(seed));
            Arrays.sort(taken);
            assertArrayEquals(new int[] {6, 13}, taken, "seed " + seed + ": the two inner directions first");
        }
    }

    @Test
    void objectivesOnDifferentScalesAreNormalizedBeforeTheNiching() {
        ReferencePointSelection selection = new ReferencePointSelection(ReferencePointSelection.dasDennis(2, 3));
        double[][] scaled = line();
        for (double[] p : scaled) {
            p[0] = 1000 * p[0] + 5;  // another unit and offset: the same front
        }
        int[] taken = selection.choose(new double[0][], scaled, 4, new SplittableRandom(1));
        Arrays.sort(taken);
        assertArrayEquals(new int[] {0, 6, 13, 19}, taken);
    }

    @Test
    void aFrontWithoutExtentInAnObjectiveStillNiches() {
        ReferencePointSelection selection = new ReferencePointSelection(ReferencePointSelection.dasDennis(3, 2));
        double[][] flat = new double[8][];
        for (int k = 0; k < 8; k++) {
            flat[k] = new double[] {k, 7 - k, 2.5};  // the third objective is the same for all
        }
        int[] taken = selection.choose(new double[0][], flat, 3, new SplittableRandom(2));
        assertEquals(3, Arrays.stream(taken).distinct().count());
        assertTrue(Arrays.stream(taken).allMatch(k -> k >= 0 && k < 8));
    }

    @Test
    void badReferencePointsAreRefusedNamingThem() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new ReferencePointSelection(new double[][] {{0.5, -0.5}}));
        assertTrue(negative.getMessage().contains("[0.5, -0.5]"), negative.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new ReferencePointSelection(new double[][] {{1, 0}, {0, 0}}));
        assertTrue(zero.getMessage().contains("[0.0, 0.0]"), zero.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> new ReferencePointSelection(new double[][] {{1, 0}, {0, 1, 0}}));
        assertTrue(ragged.getMessage().contains("needs 2 coordinates"), ragged.getMessage());
        ReferencePointSelection two = new ReferencePointSelection(new double[][] {{1, 0}, {0, 1}});
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> two.choose(new double[0][], new double[][] {{1, 2, 3}, {3, 2, 1}}, 1, new SplittableRandom(0)));
        assertTrue(mismatch.getMessage().contains("3 objectives but the reference points have 2"), mismatch.getMessage());
    }

    /**
     * Twelve points of three objectives on different scales, normalized and associated by Optuna 5.0's NSGA-III
     * ({@code _normalize_objective_values} and {@code _associate_individuals_with_reference_points}, numpy seed 7,
     * its default reference points listed in its own order): the same nearest directions and distances.
     */
    @Test
    void normalizationAndAssociationMatchOptunasOnPinnedPoints() {
        double[][] values = {
            {0.07630828937395717, 2.7991879224011464, 46.84092314408935},
            {0.7234651778309412, 4.779895119966026, 56.849587041043364},
            {0.5011204636599379, -4.279488666402385, 29.843898010187118},
            {0.49988250082555996, 1.7922999612094053, 83.37390361043755},
            {0.3809411331485384, -4.340636530940949, 31.814559930799355},
            {0.9095935277196137, -2.866146464200845, 48.21239618176831},
            {0.9312060196890217, -4.75100772449652, 63.05489174641225},
            {0.9501295004136456, -2.6969712097903518, 57.84899192360304},
            {0.9091283748867313, -3.6683055424074986, 55.341258067376586},
            {0.7504098591020348, 1.6901324088391378, 49.77528597449807},
            {0.20484909029779508, -0.09234110908929516, 40.238468938505896},
            {0.4774011548515884, -1.3410961421940701, 86.79179943092606}};
        double[][] optunaReferencePoints = {{3, 0, 0}, {2, 1, 0}, {2, 0, 1}, {1, 2, 0}, {1, 1, 1}, {1, 0, 2},
            {0, 3, 0}, {0, 2, 1}, {0, 1, 2}, {0, 0, 3}};
        ReferencePointSelection.Association a = new ReferencePointSelection(optunaReferencePoints).associate(values);
        assertArrayEquals(new int[] {7, 4, 0, 4, 0, 2, 2, 2, 2, 4, 7, 5}, a.niche());
        assertArrayEquals(new double[] {0.08731759533165218, 0.3717953644402281, 0.04947265393310437,
            0.32259608138972035, 0.05523928558118178, 0.24113529887749777, 0.08408514686357296, 0.2156390920634273,
            0.11648464972478798, 0.31247553065904954, 0.15716654966890567, 0.3596478014291663}, a.distance(), 1e-12);
    }

    @Test
    void infiniteValuesAreClippedBeyondTheFiniteRange() {
        double[][] clipped = ReferencePointSelection.clipInfinities(new double[][] {{1, Double.POSITIVE_INFINITY},
            {3, 2}, {Double.NEGATIVE_INFINITY, 4}});
        assertArrayEquals(new double[] {1, 10}, clipped[0], "2 + 3 × (4 − 2)");
        assertArrayEquals(new double[] {3, 2}, clipped[1]);
        assertArrayEquals(new double[] {-5, 4}, clipped[2], "1 − 3 × (3 − 1)");
    }
}
