package dev.hpo.sampler.tpe;

import dev.hpo.multi.Hypervolume;
import dev.hpo.multi.Pareto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MOTPE's choice of the "below" trials among feasible completed ones (Ozaki et al. 2020, 2022): whole
 * non-domination fronts are taken in order while they fit, and the front that does not fit whole is thinned by
 * greedy hypervolume subset selection (Guerreiro, Fonseca and Paquete 2016), which keeps the points that add the
 * most dominated volume — a spread-out subset rather than a cluster. Works on loss rows (every objective
 * minimized) so that it knows nothing about trials. PED-ANOVA ({@code dev.hpo.importance.PedAnovaImportance}) picks
 * the top trials of a multi-objective study with it too, as Optuna 5 does.
 */
public final class NondominatedSplit {

    /** Optuna's floor for reference coordinates and weights. */
    static final double EPS = 1e-12;

    private NondominatedSplit() {
    }

    /**
     * Which of the rows go below: {@code nBelow} of them (all when there are fewer), by front and then by
     * hypervolume contribution within the last front; ties go to the lower row index.
     */
    public static boolean[] below(double[][] losses, int nBelow) {
        int n = losses.length;
        boolean[] below = new boolean[n];
        int want = Math.min(Math.max(0, nBelow), n);
        if (want == n) {
            Arrays.fill(below, true);
            return below;
        }
        int taken = 0;
        for (int[] front : fronts(losses, want)) {
            if (taken + front.length <= want) {
                for (int i : front) {
                    below[i] = true;
                }
                taken += front.length;
            } else {
                for (int i : greedySubset(losses, front, want - taken)) {
                    below[i] = true;
                }
                taken = want;
            }
            if (taken == want) {
                break;
            }
        }
        return below;
    }

    /**
     * Non-domination fronts of the rows in index order, first the non-dominated ones; peeling stops once the
     * fronts so far hold at least {@code enough} rows (later fronts are never needed).
     */
    static List<int[]> fronts(double[][] losses, int enough) {
        int n = losses.length;
        int[] dominatedBy = new int[n];
        int[][] dominating = new int[n][];
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            dominating[i] = new int[4];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Pareto.dominates(losses[i], losses[j])) {
                    dominating[i] = push(dominating[i], count[i]++, j);
                    dominatedBy[j]++;
                } else if (Pareto.dominates(losses[j], losses[i])) {
                    dominating[j] = push(dominating[j], count[j]++, i);
                    dominatedBy[i]++;
                }
            }
        }
        List<int[]> fronts = new ArrayList<>();
        int[] current = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current[size++] = i;
            }
        }
        int ranked = 0;
        while (size > 0 && ranked < enough) {
            int[] front = Arrays.copyOf(current, size);
            fronts.add(front);
            ranked += size;
            size = 0;
            for (int i : front) {
                for (int k = 0; k < count[i]; k++) {
                    if (--dominatedBy[dominating[i][k]] == 0) {
                        current[size++] = dominating[i][k];
                    }
                }
            }
            Arrays.sort(current, 0, size);
        }
        return fronts;
    }

    private static int[] push(int[] a, int at, int value) {
        int[] out = at == a.length ? Arrays.copyOf(a, a.length * 2) : a;
        out[at] = value;
        return out;
    }

    /**
     * Greedy hypervolume subset selection: {@code size} rows of {@code front}, each round the one whose addition
     * grows the hypervolume of the chosen set most, against the reference point of the front.
     */
    static int[] greedySubset(double[][] losses, int[] front, int size) {
        double[][] points = new double[front.length][];
        for (int k = 0; k < front.length; k++) {
            points[k] = losses[front[k]];
        }
        double[] reference = referencePoint(points);
        boolean[] chosen = new boolean[front.length];
        List<double[]> set = new ArrayList<>();
        int[] out = new int[size];
        double volume = 0;
        for (int round = 0; round < size; round++) {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < front.length; k++) {
                if (chosen[k]) {
                    continue;
                }
                set.add(points[k]);
                double gain = Hypervolume.of(set.toArray(new double[0][]), reference) - volume;
                set.remove(set.size() - 1);
                if (best < 0 || gain > bestGain) {
                    best = k;
                    bestGain = gain;
                }
            }
            chosen[best] = true;
            set.add(points[best]);
            volume = Hypervolume.of(set.toArray(new double[0][]), reference);
            out[round] = front[best];
        }
        return out;
    }

    /**
     * The reference point MOTPE measures hypervolume against: the worst value of each objective pushed out by
     * 10 % (away from 0 on either side), and a tiny positive number where the worst value is 0, so that every
     * point dominates part of the box.
     */
    static double[] referencePoint(double[][] points) {
        int m = points[0].length;
        double[] reference = new double[m];
        for (int k = 0; k < m; k++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                worst = Math.max(worst, p[k]);
            }
            reference[k] = worst == 0 ? EPS : Math.max(1.1 * worst, 0.9 * worst);
        }
        return reference;
    }
}
