package dev.hpo.multi;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import java.util.ArrayList;
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
