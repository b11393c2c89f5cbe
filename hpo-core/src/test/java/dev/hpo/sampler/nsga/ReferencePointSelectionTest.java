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
}
