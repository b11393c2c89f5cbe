package dev.hpo.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region of objective space that a set of points does not dominate, below a reference point r, as disjoint
 * boxes {@code [l, u)} (all objectives minimized; a lower bound may be −∞). The hypervolume improvement of a new
 * point y is then a sum over the boxes, {@code HVI(y) = Σ_b Π_j max(0, u_bj − max(y_j, l_bj))}, which is what
 * makes expected hypervolume improvement cheap to estimate from posterior samples (Daulton, Balandat and Bakshy
 * 2020, "Differentiable expected hypervolume improvement", section 3).
 *
 * <p>Built by slicing along the last objective, as {@link dev.hpo.multi.Hypervolume} slices to measure: sorted by
 * that objective into levels z_1 ≤ … ≤ z_k, the slab {@code [z_i, z_{i+1})} is non-dominated exactly where the
 * first i points, projected on the other objectives, do not dominate; each slab recurses one objective down. A box
 * of the lower-dimensional decomposition that stays the same from one slab to the next is extended instead of
 * repeated, which keeps the count near the front's size for two and three objectives.
 */
final class NondominatedBoxes {

    private final double[][] lower;
    private final double[][] upper;

    private NondominatedBoxes(List<double[][]> boxes) {
        this.lower = new double[boxes.size()][];
        this.upper = new double[boxes.size()][];
        for (int b = 0; b < boxes.size(); b++) {
            lower[b] = boxes.get(b)[0];
            upper[b] = boxes.get(b)[1];
        }
    }

    /**
     * The decomposition for {@code points} (rows, minimized; dominated ones and those not below the reference are
     * allowed and change nothing) and the reference point r.
     */
    static NondominatedBoxes of(double[][] points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("point " + Arrays.toString(p) + " has " + p.length
                        + " objectives, the reference point " + reference.length);
            }
            if (below(p, reference)) {
                inside.add(p);
            }
        }
        return new NondominatedBoxes(decompose(inside, reference, reference.length));
    }

    int size() {
        return lower.length;
    }

    /** The lower corner of box b (entries may be −∞). */
    double[] lower(int b) {
        return lower[b];
    }

    /** The upper corner of box b. */
    double[] upper(int b) {
        return upper[b];
    }

    /** The hypervolume improvement of y: {@code Σ_b Π_j max(0, u_bj − max(y_j, l_bj))}. */
    double improvement(double[] y) {
        double sum = 0;
        for (int b = 0; b < lower.length; b++) {
            double product = 1;
            for (int j = 0; j < y.length && product > 0; j++) {
                product *= Math.max(0, upper[b][j] - Math.max(y[j], lower[b][j]));
            }
            sum += product;
        }
        return sum;
    }

    private static boolean below(double[] p, double[] reference) {
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] < reference[j])) {
                return false;
            }
        }
        return true;
    }

    /** Boxes {@code {lower, upper}} covering the non-dominated region of the first m coordinates. */
    private static List<double[][]> decompose(List<double[]> points, double[] reference, int m) {
        if (m == 1) {
            double top = reference[0];
            for (double[] p : points) {
                top = Math.min(top, p[0]);
            }
            List<double[][]> one = new ArrayList<>();
            one.add(new double[][] {{Double.NEGATIVE_INFINITY}, {top}});
            return one;
        }
        int last = m - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        List<double[][]> closed = new ArrayList<>();
        // open boxes of the (m-1)-dimensional decomposition, by their corners, with the level where each began
        Map<Corners, Double> open = new LinkedHashMap<>();
        double level = Double.NEGATIVE_INFINITY;
        int i = 0;
        while (true) {
            List<double[][]> slab = decompose(sorted.subList(0, i), reference, last);
            Map<Corners, Double> next = new LinkedHashMap<>();
            for (double[][] box : slab) {
                Corners c = new Corners(box[0], box[1]);
                Double began = open.remove(c);
                next.put(c, began != null ? began : level);
            }
            for (Map.Entry<Corners, Double> e : open.entrySet()) {
                closed.add(extend(e.getKey(), e.getValue(), level));
            }
            open = next;
            if (i == sorted.size()) {
                break;
            }
            // every point at this level joins before the next slab begins
            level = sorted.get(i)[last];
            while (i < sorted.size() && sorted.get(i)[last] == level) {
                i++;
            }
        }
        for (Map.Entry<Corners, Double> e : open.entrySet()) {
            closed.add(extend(e.getKey(), e.getValue(), reference[last]));
        }
        closed.removeIf(box -> !(box[1][last] > box[0][last]) || empty(box));
        return closed;
    }

    private static boolean empty(double[][] box) {
        for (int j = 0; j < box[0].length; j++) {
            if (!(box[1][j] > box[0][j])) {
                return true;
            }
        }
        return false;
    }

    private static double[][] extend(Corners c, double from, double to) {
        int m = c.lower().length + 1;
        double[] lo = Arrays.copyOf(c.lower(), m);
        double[] hi = Arrays.copyOf(c.upper(), m);
        lo[m - 1] = from;
        hi[m - 1] = to;
        return new double[][] {lo, hi};
    }

    /** A box's corners as a map key: equal when the coordinates are. */
    private record Corners(double[] lower, double[] upper) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Corners c && Arrays.equals(lower, c.lower) && Arrays.equals(upper, c.upper);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(lower) + Arrays.hashCode(upper);
        }
    }
}
