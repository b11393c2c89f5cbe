package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.multi.Hypervolume;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NondominatedBoxesTest {

    /** Random points in [0, 1]^m, dominated ones and ties on a coordinate included. */
    private static double[][] points(SplittableRandom r, int n, int m) {
        double[][] p = new double[n][m];
        for (double[] row : p) {
            for (int j = 0; j < m; j++) {
                row[j] = Math.round(r.nextDouble() * 40) / 40.0;
            }
        }
        return p;
    }

    private static double[][] with(double[][] points, double[] y) {
        double[][] out = Arrays.copyOf(points, points.length + 1);
        out[points.length] = y;
        return out;
    }

    private static void improvementIsTheGrowthOfTheHypervolume(int m, int n) {
        SplittableRandom r = new SplittableRandom(m * 100L + n);
        double[] reference = new double[m];
        Arrays.fill(reference, 1.1);
        for (int round = 0; round < 20; round++) {
            double[][] p = points(r, n, m);
            NondominatedBoxes boxes = NondominatedBoxes.of(p, reference);
            double before = Hypervolume.of(p, reference);
            for (int k = 0; k < 20; k++) {
                double[] y = new double[m];
                for (int j = 0; j < m; j++) {
                    y[j] = -0.2 + 1.4 * r.nextDouble();
                }
                double expected = Hypervolume.of(with(p, y), reference) - before;
                assertEquals(expected, boxes.improvement(y), 1e-12 * Math.max(1, expected),
                        "y " + Arrays.toString(y) + " over " + Arrays.deepToString(p));
            }
        }
    }

    @Test
    void improvementIsTheGrowthOfTheHypervolumeInTwoObjectives() {
        improvementIsTheGrowthOfTheHypervolume(2, 12);
    }

    @Test
    void improvementIsTheGrowthOfTheHypervolumeInThreeObjectives() {
        improvementIsTheGrowthOfTheHypervolume(3, 15);
    }

    @Test
    void improvementIsTheGrowthOfTheHypervolumeInFourObjectives() {
        improvementIsTheGrowthOfTheHypervolume(4, 10);
    }

    @Test
    void aPointBelowTheWholeFrontGainsAllTheFrontLeaves() {
        double[][] p = {{0.2, 0.8}, {0.5, 0.5}, {0.9, 0.1}, {0.6, 0.6}};
        double[] reference = {1, 1};
        NondominatedBoxes boxes = NondominatedBoxes.of(p, reference);
        assertEquals(1 - Hypervolume.of(p, reference), boxes.improvement(new double[] {0, 0}), 1e-12);
        // a two-objective front of k points leaves k + 1 boxes; the dominated point adds none
        assertEquals(4, boxes.size());
    }

    @Test
    void boxCountStaysNearTheFrontSizeInThreeObjectives() {
        // points on the positive octant of the unit sphere: all mutually non-dominated
        SplittableRandom r = new SplittableRandom(1);
        int k = 60;
        double[][] p = new double[k][];
        for (int i = 0; i < k; i++) {
            double a = r.nextDouble() * Math.PI / 2;
            double b = r.nextDouble() * Math.PI / 2;
            p[i] = new double[] {Math.cos(a) * Math.cos(b), Math.cos(a) * Math.sin(b), Math.sin(a)};
        }
        int boxes = NondominatedBoxes.of(p, new double[] {1.1, 1.1, 1.1}).size();
        assertTrue(boxes <= 4 * k, boxes + " boxes for " + k + " points");
    }
}
