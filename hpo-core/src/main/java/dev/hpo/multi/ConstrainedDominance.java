package dev.hpo.multi;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deb's constrained domination between completed trials, and the non-dominated sorting and crowding distance
 * that NSGA-II ranks a population with. A feasible trial beats an infeasible one; of two infeasible trials the one
 * with the smaller total violation wins; of two feasible trials Pareto dominance decides.
 */
public final class ConstrainedDominance {

    private ConstrainedDominance() {
    }

    /** Sum of the positive constraint values of a trial; 0 when it is feasible or has no constraints. */
    public static double violation(FrozenTrial t) {
        double v = 0;
        for (double c : t.constraints().values()) {
            v += Double.isNaN(c) ? Double.POSITIVE_INFINITY : Math.max(0, c);
        }
        return v;
    }

    /** True when {@code a} constrained-dominates {@code b}. */
    public static boolean dominates(FrozenTrial a, FrozenTrial b, List<Direction> directions) {
        double va = violation(a);
        double vb = violation(b);
        if (va == 0 && vb > 0) {
            return true;
        }
        if (va > 0 || vb > 0) {
            return va < vb;
        }
        return Pareto.dominates(a.values(), b.values(), directions);
    }

    /** Splits trials into fronts: the first is non-dominated, the second is non-dominated once the first is gone, ... */
    public static List<List<FrozenTrial>> fronts(List<FrozenTrial> trials, List<Direction> directions) {
        int n = trials.size();
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominating = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominating.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(trials.get(i), trials.get(j), directions)) {
                    dominating.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(trials.get(j), trials.get(i), directions)) {
                    dominating.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<List<FrozenTrial>> fronts = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        while (!current.isEmpty()) {
            List<FrozenTrial> front = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                front.add(trials.get(i));
                for (int j : dominating.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            fronts.add(front);
            current = next;
        }
        return fronts;
    }

    /**
     * Crowding distance of each trial of one front (same order): the perimeter of the cuboid its neighbours span
     * in objective space, normalized per objective; boundary trials get infinity so they are always kept.
     */
    public static double[] crowdingDistance(List<FrozenTrial> front, List<Direction> directions) {
        int n = front.size();
        double[] distance = new double[n];
        if (n <= 2) {
            java.util.Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        for (int m = 0; m < directions.size(); m++) {
            final int obj = m;
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble(i -> front.get(i).values().get(obj)));
            double lo = front.get(order.get(0)).values().get(obj);
            double hi = front.get(order.get(n - 1)).values().get(obj);
            distance[order.get(0)] = Double.POSITIVE_INFINITY;
            distance[order.get(n - 1)] = Double.POSITIVE_INFINITY;
            if (!(hi > lo) || !Double.isFinite(hi - lo)) {
                continue;
            }
            for (int k = 1; k < n - 1; k++) {
                double gap = front.get(order.get(k + 1)).values().get(obj) - front.get(order.get(k - 1)).values().get(obj);
                distance[order.get(k)] += gap / (hi - lo);
            }
        }
        return distance;
    }
}
