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
 * {@code ceil(log2(range + 1)) + 1} for a log integer, as Optuna counts them), and a trial falls on the nearest point.
 */
final class ParamGrid {

    private final Distribution distribution;
    /** Grid points in encoded coordinates; null for a categorical parameter. */
    private final double[] points;
    private final boolean log;
    private final int size;

    private ParamGrid(Distribution distribution, double[] points, boolean log, int size) {
        this.distribution = distribution;
        this.points = points;
        this.log = log;
        this.size = size;
    }

    static ParamGrid of(Distribution d, int steps) {
        if (d instanceof CategoricalDistribution c) {
            return new ParamGrid(d, null, false, c.size());
        }
        if (d instanceof IntDistribution i) {
            if (i.log()) {  // Optuna's count: ceil(log2(range + 1)) + 1 points
                int n = Math.max(2, Math.min(steps,
                        (int) Math.ceil(Math.log(i.high() - i.low() + 1.0) / Math.log(2)) + 1));
                return new ParamGrid(d, linspace(Math.log(i.low()), Math.log(i.high()), n), true, n);
            }
            if (i.size() <= steps) {
                double[] pts = new double[(int) i.size()];
                for (int k = 0; k < pts.length; k++) {
                    pts[k] = i.low() + (double) k * i.step();
                }
                return new ParamGrid(d, pts, false, pts.length);
            }
            return new ParamGrid(d, linspace(i.low(), i.high(), steps), false, steps);
        }
        FloatDistribution f = (FloatDistribution) d;
        if (f.step() != null) {  // one point per value while they are at most steps, as Optuna counts them
            int n = (int) Math.max(2, Math.min(steps, Math.round((f.high() - f.low()) / f.step()) + 1));
            return new ParamGrid(d, linspace(f.low(), f.high(), n), false, n);
        }
        return f.log() ? new ParamGrid(d, linspace(Math.log(f.low()), Math.log(f.high()), steps), true, steps)
                : new ParamGrid(d, linspace(f.low(), f.high(), steps), false, steps);
    }

    private static double[] linspace(double low, double high, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = n == 1 ? low : low + (high - low) * k / (n - 1);
        }
        return out;
    }

    int size() {
        return size;
    }

    boolean categorical() {
        return points == null;
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
        if (points == null) {
            return (int) internal;
        }
        double x = log ? Math.log(internal) : internal;
        double half = (points[1] - points[0]) / 2;
        // first grid point at or above x - half: the nearest point, ties going up
        int lo = 0;
        int hi = points.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points[mid] < x - half) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, points.length - 1);
    }

    @Override
    public String toString() {
        return size + " bins over " + distribution;
    }
}
