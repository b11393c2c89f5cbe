package dev.hpo.sampler.tpe;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;

/**
 * One parameter as the Parzen estimator sees it: where its kernels live (the transformed axis: log for log
 * scales), the interval [lo, hi] they are truncated to, and for discrete parameters the bin of each grid value.
 *
 * <p>Discrete parameters (a float with a step, any int) get discretized kernels: the probability of a grid value
 * is the kernel's mass over the value's bin, [v - step/2, v + step/2] on a linear axis and
 * [log(v - ½), log(v + ½)] for a log-scaled int, so that [lo, hi] is the union of the bins, as in Optuna 5 (Optuna
 * 4 used a continuous kernel and rounding for log-scaled ints). Categorical parameters only carry their number of
 * choices.
 *
 * @param kind how the kernels are shaped
 * @param lo lower truncation bound on the transformed axis
 * @param hi upper truncation bound on the transformed axis
 * @param low the distribution's lowest value (internal representation)
 * @param step the grid spacing of a discrete parameter (1 for log ints), 0 otherwise
 * @param size the number of grid values or choices, 0 for a continuous parameter
 */
public record Dimension(String name, Kind kind, Distribution distribution, double lo, double hi, double low,
        double step, int size) {

    /** The shape of a parameter's kernels. */
    public enum Kind {
        /** A truncated normal on a linear or log axis. */
        CONTINUOUS,
        /** A truncated normal discretized on the linear grid low, low + step, ..., high. */
        GRID,
        /** A truncated normal on the log axis, discretized on the integers low..high. */
        LOG_GRID,
        /** A probability per choice. */
        CATEGORICAL
    }

    /** The dimension of a distribution. */
    public static Dimension of(String name, Distribution d) {
        if (d instanceof FloatDistribution f) {
            if (f.step() != null) {
                double s = f.step();
                return new Dimension(name, Kind.GRID, d, f.low() - s / 2, f.high() + s / 2, f.low(), s,
                        (int) Math.min(Integer.MAX_VALUE, f.gridSize()));
            }
            return f.log()
                    ? new Dimension(name, Kind.CONTINUOUS, d, Math.log(f.low()), Math.log(f.high()), f.low(), 0, 0)
                    : new Dimension(name, Kind.CONTINUOUS, d, f.low(), f.high(), f.low(), 0, 0);
        }
        if (d instanceof IntDistribution i) {
            int size = (int) Math.min(Integer.MAX_VALUE, i.size());
            if (i.log()) {
                return new Dimension(name, Kind.LOG_GRID, d, Math.log(i.low() - 0.5), Math.log(i.high() + 0.5),
                        i.low(), 1, size);
            }
            return new Dimension(name, Kind.GRID, d, i.low() - i.step() / 2.0, i.high() + i.step() / 2.0, i.low(),
                    i.step(), size);
        }
        CategoricalDistribution c = (CategoricalDistribution) d;
        return new Dimension(name, Kind.CATEGORICAL, d, 0, c.size(), 0, 0, c.size());
    }

    public boolean isNumeric() {
        return kind != Kind.CATEGORICAL;
    }

    public boolean isDiscrete() {
        return kind == Kind.GRID || kind == Kind.LOG_GRID;
    }

    /** The width of the kernels' interval, the scale of every bandwidth (Optuna's high - low + step). */
    public double range() {
        return hi - lo;
    }

    /** Where an internal value sits on the transformed axis (for a discrete value: its bin's centre value). */
    public double transform(double internal) {
        return isLogAxis() ? Math.log(internal) : internal;
    }

    private boolean isLogAxis() {
        return kind == Kind.LOG_GRID || (kind == Kind.CONTINUOUS && ((FloatDistribution) distribution).log());
    }

    /** The grid index of a discrete internal value. */
    public int gridIndex(double internal) {
        return (int) Math.rint((internal - low) / step);
    }

    /** Lower edge of a grid value's bin on the transformed axis. */
    public double binLow(double internal) {
        return kind == Kind.LOG_GRID ? Math.log(internal - 0.5) : internal - step / 2;
    }

    /** Upper edge of a grid value's bin on the transformed axis. */
    public double binHigh(double internal) {
        return kind == Kind.LOG_GRID ? Math.log(internal + 0.5) : internal + step / 2;
    }

    /** The internal value of a point y in [lo, hi] of the transformed axis: the grid value whose bin holds it. */
    public double untransform(double y) {
        switch (kind) {
            case CONTINUOUS: {
                FloatDistribution f = (FloatDistribution) distribution;
                double v = f.log() ? Math.exp(y) : y;
                return Math.min(f.high(), Math.max(f.low(), v));
            }
            case GRID: {
                long j = Math.max(0, Math.min(size - 1, Math.round((y - low) / step)));
                double v = low + j * step;
                return distribution instanceof FloatDistribution f ? f.round(v) : v;
            }
            case LOG_GRID: {
                double v = Math.rint(Math.exp(y));
                return Math.max(low, Math.min(low + size - 1, v));
            }
            default:
                throw new IllegalStateException("a categorical parameter has no axis: " + name);
        }
    }
}
