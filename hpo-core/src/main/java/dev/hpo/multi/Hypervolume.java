package dev.hpo.multi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of points: the volume of objective space they dominate up to a reference point,
 * the standard single number for the quality of a Pareto front. All objectives are minimized here; callers
 * negate maximized ones first. Exact, by slicing along the first objective
 * (Zitzler's HSO); fast in 2 and 3 dimensions, fine for fronts of a few hundred points in more.
 *
 * @see dev.hpo.Direction#toMinimized(double)
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /** The hypervolume of {@code points} (rows, all minimized) with respect to {@code reference}. */
    public static double of(double[][] points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point " + Arrays.toString(p) + " has " + p.length
                        + " objectives, reference " + reference.length);
            }
            if (strictlyBelow(p, reference)) {
                inside.add(p);
            }
        }
        return slice(inside, reference, reference.length);
    }

    private static boolean strictlyBelow(double[] p, double[] reference) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] < reference[i])) {
                return false;
            }
        }
        return true;
    }

    /** Volume dominated by {@code points} in their first {@code dims} coordinates. */
    private static double slice(List<double[]> points, double[] reference, int dims) {
        if (points.isEmpty()) {
            return 0;
        }
        if (dims == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        int last = dims - 1;
        if (dims == 2) {
            // Staircase: sorted by the first objective, each point that improves the second adds a rectangle
            // reaching to the next improving point's first coordinate (or the reference).
            List<double[]> sorted = new ArrayList<>(points);
            sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            List<double[]> steps = new ArrayList<>();
            double bestY = reference[1];
            for (double[] p : sorted) {
                if (p[1] < bestY) {
                    steps.add(p);
                    bestY = p[1];
                }
            }
            double volume = 0;
            for (int i = 0; i < steps.size(); i++) {
                double right = i + 1 < steps.size() ? steps.get(i + 1)[0] : reference[0];
                volume += (right - steps.get(i)[0]) * (reference[1] - steps.get(i)[1]);
            }
            return volume;
        }
        // Sweep the last objective: between consecutive levels, the points at or below the level form a
        // (dims-1)-dimensional front whose volume times the slab height adds up.
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double volume = 0;
        List<double[]> active = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            active.add(sorted.get(i));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double height = top - sorted.get(i)[last];
            if (height > 0) {
                volume += height * slice(active, reference, last);
            }
        }
        return volume;
    }
}
