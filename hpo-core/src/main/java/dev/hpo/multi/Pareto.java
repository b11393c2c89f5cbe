package dev.hpo.multi;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Pareto dominance between trials of a multi-objective study. */
public final class Pareto {

    private Pareto() {
    }

    /** True when {@code a} is at least as good as {@code b} in every objective and better in one. */
    public static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        boolean better = false;
        for (int i = 0; i < directions.size(); i++) {
            double x = directions.get(i).toMinimized(a.get(i));
            double y = directions.get(i).toMinimized(b.get(i));
            if (x > y) {
                return false;
            }
            if (x < y) {
                better = true;
            }
        }
        return better;
    }

    /** The trials no other trial dominates, in their original order (ties on every value are all kept). */
    public static List<FrozenTrial> front(List<FrozenTrial> trials, List<Direction> directions) {
        if (directions.size() == 1) {
            return bestOfOne(trials, directions.get(0));
        }
        double[][] v = new double[trials.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = minimized(trials.get(i), directions);
            if (v[i] == null) {
                return pairwiseFront(trials, directions);  // NaN compares with nothing: no order to sort by
            }
        }
        return sortedFront(trials, v);
    }

    /**
     * The points of minimized values that no other dominates, in their order; no value may be NaN. Found by a sweep
     * in lexicographic order (Kung, Luccio and Preparata 1975, in its simple form): a point can be dominated only by
     * one before it in that order, and if any is, one already on the front is, since dominance is transitive. So each
     * point is compared with the front found so far, not with every point: O(n log n + n·F) for a front of F points,
     * where comparing all pairs grew as n².
     */
    public static List<double[]> front(List<double[]> points) {
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (p.length != points.get(0).length) {
                throw new IllegalArgumentException("point " + i + " has " + p.length + " values, point 0 has "
                        + points.get(0).length + "; every point needs one value per objective");
            }
            for (double v : p) {
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("point " + i + " " + Arrays.toString(p) + " holds NaN, which"
                            + " no dominance order takes; leave such points out");
                }
            }
        }
        boolean[] kept = nondominated(points.toArray(double[][]::new));
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                out.add(points.get(i));
            }
        }
        return out;
    }

    private static List<FrozenTrial> sortedFront(List<FrozenTrial> trials, double[][] v) {
        boolean[] kept = nondominated(v);
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (kept[i]) {
                out.add(trials.get(i));
            }
        }
        return out;
    }

    private static boolean[] nondominated(double[][] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // -0.0 sorts before 0.0 yet equals it: compared as 0.0, so that the order agrees with dominance
        Arrays.sort(order, (a, b) -> {
            for (int j = 0; j < v[a].length; j++) {
                int c = Double.compare(v[a][j] + 0.0, v[b][j] + 0.0);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<double[]> front = new ArrayList<>();
        boolean[] kept = new boolean[v.length];
        for (int i : order) {
            boolean dominated = false;
            for (double[] f : front) {
                if (dominates(f, v[i])) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(v[i]);
                kept[i] = true;
            }
        }
        return kept;
    }

    /** True when row a of minimized values dominates row b: no worse anywhere, better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            better |= a[i] < b[i];
        }
        return better;
    }

    /** The trial's values turned to minimization; null when one is NaN. */
    private static double[] minimized(FrozenTrial t, List<Direction> directions) {
        double[] v = new double[directions.size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = directions.get(j).toMinimized(t.values().get(j));
            if (Double.isNaN(v[j])) {
                return null;
            }
        }
        return v;
    }

    private static List<FrozenTrial> pairwiseFront(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            boolean dominated = false;
            for (FrozenTrial o : trials) {
                if (o != t && dominates(o.values(), t.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The front of one objective in one pass (the pairwise test is quadratic on a large study): the trials whose
     * value no other trial beats, so ties and, as with {@link #dominates}, NaN values stay.
     */
    private static List<FrozenTrial> bestOfOne(List<FrozenTrial> trials, Direction direction) {
        double best = Double.POSITIVE_INFINITY;
        for (FrozenTrial t : trials) {
            best = Math.min(best, minimizedOrInfinity(t, direction));
        }
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (!(direction.toMinimized(t.values().get(0)) > best)) {
                out.add(t);
            }
        }
        return out;
    }

    private static double minimizedOrInfinity(FrozenTrial t, Direction direction) {
        double v = direction.toMinimized(t.values().get(0));
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
