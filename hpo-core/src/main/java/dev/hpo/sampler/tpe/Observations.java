package dev.hpo.sampler.tpe;

import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The internal parameter values of one study's trials as rows of doubles, so that building a Parzen estimator
 * reads arrays instead of converting each trial's parameter map again. Finished trials never change, so their row
 * is made once; running trials (the constant liar's) are read afresh each time. Not thread safe: the sampler
 * that owns it locks.
 */
public final class Observations {

    private final Map<String, Integer> columns = new HashMap<>();
    private final List<double[]> rows = new ArrayList<>();

    /**
     * The rows of the trials that have every named parameter, in the order given; the value of {@code names[j]} is
     * in column j.
     */
    public double[][] matrix(List<FrozenTrial> trials, String[] names) {
        int[] cols = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            cols[j] = column(names[j]);
        }
        double[][] out = new double[trials.size()][];
        int n = 0;
        for (FrozenTrial t : trials) {
            double[] row = row(t);
            double[] r = new double[names.length];
            boolean complete = true;
            for (int j = 0; j < cols.length && complete; j++) {
                double v = cols[j] < row.length ? row[cols[j]] : Double.NaN;
                complete = !Double.isNaN(v);
                r[j] = v;
            }
            if (complete) {
                out[n++] = r;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private int column(String name) {
        Integer c = columns.get(name);
        if (c == null) {
            c = columns.size();
            columns.put(name, c);
        }
        return c;
    }

    private double[] row(FrozenTrial t) {
        if (!t.state().isFinished()) {
            return read(t);
        }
        while (rows.size() <= t.number()) {
            rows.add(null);
        }
        double[] row = rows.get(t.number());
        if (row == null) {
            row = read(t);
            rows.set(t.number(), row);
        }
        return row;
    }

    private double[] read(FrozenTrial t) {
        for (String name : t.params().keySet()) {
            column(name);
        }
        double[] row = new double[columns.size()];
        Arrays.fill(row, Double.NaN);
        for (String name : t.params().keySet()) {
            row[columns.get(name)] = t.internalParam(name);
        }
        return row;
    }
}
