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
}
