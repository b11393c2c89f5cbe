package dev.hpo.report;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;

/**
 * A parameter's range in the coordinate where its axis is linear: the value, its log10 for a log
 * parameter, the choice index for a categorical one. Grids (contour cells) are cut evenly in this coordinate.
 */
record ParamAxis(Distribution distribution, double low, double high, boolean log, int categories) {

    static ParamAxis of(Distribution d) {
        if (d instanceof CategoricalDistribution c) {
            return new ParamAxis(d, -0.5, c.size() - 0.5, false, c.size());
        }
        if (d instanceof IntDistribution i) {
            return i.log() ? new ParamAxis(d, Math.log10(i.low()), Math.log10(i.high()), true, 0)
                    : new ParamAxis(d, i.low(), i.high(), false, 0);
        }
        FloatDistribution f = (FloatDistribution) d;
        return f.log() ? new ParamAxis(d, Math.log10(f.low()), Math.log10(f.high()), true, 0)
                : new ParamAxis(d, f.low(), f.high(), false, 0);
    }

    /** The coordinate of an internal value. */
    double coordinate(double internal) {
        return log ? Math.log10(internal) : internal;
    }

    /** The internal value at a coordinate (what a {@link Scale} of the parameter maps). */
    double internal(double coordinate) {
        return log ? Math.pow(10, coordinate) : coordinate;
    }

    /** How many cells a grid over this axis has: one per choice, else {@code cells}. */
    int cells(int cells) {
        return categories > 0 ? categories : cells;
    }

    /** The cell of an internal value among {@code n} even cells. */
    int cell(double internal, int n) {
        if (high <= low) {
            return 0;
        }
        int c = (int) Math.floor((coordinate(internal) - low) / (high - low) * n);
        return Math.max(0, Math.min(n - 1, c));
    }

    /** The lower edge of cell {@code c} of {@code n}, as an internal value. */
    double edge(int c, int n) {
        return internal(low + (high - low) * c / n);
    }
}
