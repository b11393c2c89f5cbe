package dev.hpo.sampler.tpe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The log bin masses of one discrete dimension's (grid value, σ) pairs kept across sampling decisions by a
 * {@link KernelCache}: its pairs change by a few from one decision to the next, and the candidates of successive
 * decisions take the same few grid values, so most of a decision's masses were computed before. A mass is a function
 * of the pair's μ and σ and the grid value only, so a kept one is the value the estimator would compute, to the bit.
 * Kept per grid value in a {@link Row} indexed by the pair's index in the cache's table, which the cache renumbers
 * with {@link #renumber} when it drops unused pairs; {@link #clear} when it numbers them afresh.
 */
final class BinMasses {

    /** Grid values beyond which the rows start afresh (a large grid whose candidates wander). */
    private static final int MAX_ROWS = 256;

    private final Map<Long, Row> rows = new HashMap<>();

    /** The kept masses at grid value x, an empty row if none. */
    Row row(double x) {
        if (rows.size() == MAX_ROWS) {
            rows.clear();
        }
        return rows.computeIfAbsent(Double.doubleToRawLongBits(x), b -> new Row());
    }

    /** Forgets every mass: the pairs are numbered afresh. */
    void clear() {
        rows.clear();
    }

    /** Moves every kept mass of pair p to pair {@code newIndex[p]}, dropping those of pairs mapped to -1. */
    void renumber(int[] newIndex, int pairs) {
        for (Row r : rows.values()) {
            r.renumber(newIndex, pairs);
        }
    }

    /** One grid value's kept masses, by pair index: the Gaussian part of the log mass and the series factor. */
    static final class Row {
        private double[] value = new double[0];
        private double[] factor = new double[0];
        private boolean[] known = new boolean[0];

        boolean has(int p) {
            return p < known.length && known[p];
        }

        double value(int p) {
            return value[p];
        }

        double factor(int p) {
            return factor[p];
        }

        void put(int p, double v, double f) {
            if (p >= known.length) {
                int size = Math.max(p + 1, 2 * known.length);
                value = Arrays.copyOf(value, size);
                factor = Arrays.copyOf(factor, size);
                known = Arrays.copyOf(known, size);
            }
            value[p] = v;
            factor[p] = f;
            known[p] = true;
        }

        private void renumber(int[] newIndex, int pairs) {
            double[] v = new double[pairs];
            double[] f = new double[pairs];
            boolean[] k = new boolean[pairs];
            for (int p = 0; p < known.length && p < newIndex.length; p++) {
                int q = newIndex[p];
                if (known[p] && q >= 0) {
                    v[q] = value[p];
                    f[q] = factor[p];
                    k[q] = true;
                }
            }
            value = v;
            factor = f;
            known = k;
        }
    }
}
