package dev.hpo.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Caps how many marks a plot draws: beyond a few thousand points a person sees a cloud, and a 10,000-trial
 * report must stay small and fast. The subsample is deterministic and keeps what matters: the best items
 * (a fifth of the budget) plus evenly spaced items from the rest, in their original order.
 */
final class Thinning {

    private Thinning() {
    }

    /**
     * At most {@code cap} of the items: all when they fit, otherwise the {@code cap / 5} best by
     * {@code better} (best first) and an even stride through the others.
     */
    static <T> List<T> keepBest(List<T> items, int cap, Comparator<? super T> better) {
        if (items.size() <= cap) {
            return items;
        }
        int bestCount = Math.max(1, cap / 5);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> better.compare(items.get(a), items.get(b)));
        boolean[] keep = new boolean[items.size()];
        for (int k = 0; k < bestCount; k++) {
            keep[order.get(k)] = true;
        }
        int rest = cap - bestCount;
        int others = items.size() - bestCount;
        double stride = (double) others / rest;
        int seen = 0;
        int taken = 0;
        double next = 0;
        for (int i = 0; i < items.size() && taken < rest; i++) {
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
        for (int i = 0; i < items.size(); i++) {
            if (keep[i]) {
                out.add(items.get(i));
            }
        }
        return out;
    }
}
