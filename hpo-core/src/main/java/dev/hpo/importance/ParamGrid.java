package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;

/**
 * A parameter's range discretized into {@code size} bins, as PED-ANOVA counts trials: a categorical
 * parameter has one bin per choice; a numeric one has evenly spaced grid points ({@code steps} of them, in log
 * space for log parameters; one per value for an integer or stepped range with at most {@code steps} values;
 * {@code ceil(log2(range + 1)) + 1} for a log integer, as Optuna counts them), and a trial falls on the nearest point,
 * found as Optuna 5 finds it: {@code ceil((x - low) / Δ - 1/2)} with {@code Δ} the spacing, so that a value midway
 * between two points goes to the lower one.
 */
final class ParamGrid {

    private final Distribution distribution;
    private final int size;
    /** Whether a trial's value is binned by its choice index rather than by its position in the range. */
    private final boolean categorical;
    private final boolean log;
    /** The range in the coordinates the points are spaced evenly in (log for a log parameter). */
    private final double low;
    private final double high;

    private ParamGrid(Distribution distribution, int size, boolean categorical, boolean log, double low,
            double high) {
        this.distribution = distribution;
        this.size = size;
        this.categorical = categorical;
        this.log = log;
        this.low = low;
        this.high = high;
    }

    static ParamGrid of(Distribution d, int steps) {
        if (d instanceof CategoricalDistribution c) {
            return new ParamGrid(d, c.size(), true, false, 0, c.size() - 1);
        }
        int n;
        boolean log;
        double low;
        double high;
        if (d instanceof IntDistribution i) {
            log = i.log();
            low = i.low();
            high = i.high();
            n = log ? (int) Math.ceil(Math.log(high - low + 1) / Math.log(2)) + 1  // Optuna's count
                    : (int) Math.round((high - low) / i.step()) + 1;
        } else {
            FloatDistribution f = (FloatDistribution) d;
            log = f.log();
            low = f.low();
            high = f.high();
            n = f.step() == null ? steps : (int) Math.round((high - low) / f.step()) + 1;
        }
        n = Math.max(2, Math.min(steps, n));
        return log ? new ParamGrid(d, n, false, true, Math.log(low), Math.log(high))
                : new ParamGrid(d, n, false, false, low, high);
    }

    int size() {
        return size;
    }

    boolean categorical() {
        return categorical;
    }

    /** How many of the trials fall in each bin. */
    double[] counts(String param, List<FrozenTrial> trials) {
        double[] counts = new double[size];
        for (FrozenTrial t : trials) {
            counts[bin(t.internalParam(param))]++;
        }
        return counts;
    }

    private int bin(double internal) {
        if (categorical) {
            return (int) internal;
        }
        double x = log ? Math.log(internal) : internal;
        double spacing = (high - low) / (size - 1);
        int k = (int) Math.ceil((x - low) / spacing - 0.5);
        return Math.max(0, Math.min(k, size - 1));
    }

    @Override
    public String toString() {
        return size + " bins over " + distribution;
    }
}
