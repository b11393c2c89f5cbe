package dev.hpo.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Caps how many marks a plot draws: beyond a few thousand points a person sees a cloud, and a 10,000-trial
 * report must stay small and fast. The subsample is deterministic and keeps what matters: the best items
 * (a fifth of the budget) plus evenly spaced items from the rest, in their original order.
 */
final class Thinning {

    private Thinning() {
    }

    /**
     * At most {@code cap} of the items: all when they fit, otherwise the {@code cap / 5} with the lowest
     * {@code loss} (ties: the earlier item; keys ordered as {@link Double#compare} orders them) and an even stride
     * through the others, in their original order.
     *
     * <p>A key per item rather than a comparator: the report is often drawn by a JVM that has not compiled it,
     * where sorting a thousand items through comparator lambdas cost more than drawing them; the best items are
     * found by sorting the keys alone.
     */
    static <T> List<T> keepBest(List<T> items, int cap, ToDoubleFunction<? super T> loss) {
        int n = items.size();
        if (n <= cap) {
            return items;
        }
        int bestCount = Math.max(1, cap / 5);
        double[] keys = new double[n];
        for (int i = 0; i < n; i++) {
            keys[i] = loss.applyAsDouble(items.get(i));
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        double threshold = sorted[bestCount - 1];
        int tiesToTake = bestCount;  // the best below the threshold, then ties at it in item order
        for (int k = 0; k < bestCount; k++) {
            if (Double.compare(sorted[k], threshold) < 0) {
                tiesToTake--;
            }
        }
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            int c = Double.compare(keys[i], threshold);
            if (c < 0 || c == 0 && tiesToTake-- > 0) {
                keep[i] = true;
            }
        }
        int rest = cap - bestCount;
        int others = n - bestCount;
        double stride = (double) others / rest;
        int seen = 0;
        int taken = 0;
        double next = 0;
        for (int i = 0; i < n && taken < rest; i++) {
            if (keep[i]) {
                continue;
            }
            if (seen >= next) {
                keep[i] = true;
                taken++;
                next += stride;
            }
            seen++;
        }
        List<T> out = new ArrayList<>(cap);
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
