package dev.hpo.space;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A real-valued parameter in {@code [low, high]}, optionally log-scaled or on a step grid
 * ({@code low, low + step, ..., high}). Log and step exclude each other, as in Optuna.
 *
 * @param step the grid spacing, or {@code null} for a continuous range
 */
public record FloatDistribution(double low, double high, boolean log, Double step) implements Distribution {

    private static final double GRID_TOLERANCE = 1e-8;

    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("bounds must be finite numbers, got low " + low + " and high " + high);
        }
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " > high " + high + "; swap the bounds");
        }
        if (log && step != null) {
            throw new IllegalArgumentException("a log-scaled range cannot also have a step (step " + step + ")");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("a log-scaled range needs low > 0, got low " + low);
        }
        if (step != null) {
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new IllegalArgumentException("step must be a positive number, got " + step);
            }
            double n = (high - low) / step;
            if (Math.abs(n - Math.rint(n)) > GRID_TOLERANCE * Math.max(1, n)) {
                throw new IllegalArgumentException("step " + step + " does not divide the range [" + low + ", " + high
                        + "]; choose a high of " + lastGridPoint(low, step, Math.floor(n)) + " or another step");
            }
        }
    }

    /**
     * {@code low + steps * step} as a person would write it ({@code 0.9}, not the {@code 0.8999999999999999} that
     * binary arithmetic gives): the decimal sum of the two numbers as they are printed.
     */
    private static String lastGridPoint(double low, double step, double steps) {
        return BigDecimal.valueOf(low).add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(steps)))
                .stripTrailingZeros().toPlainString();
    }

    /**
     * Equal when every component is equal, as a record's generated method says; written out because the generated
     * one dispatches through {@code invokedynamic}, which a storage pays on every parameter it writes while the
     * JVM has not compiled it yet.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof FloatDistribution o && Double.compare(low, o.low) == 0
                && Double.compare(high, o.high) == 0 && log == o.log && Objects.equals(step, o.step);
    }

    @Override
    public int hashCode() {
        return ((Double.hashCode(low) * 31 + Double.hashCode(high)) * 31 + Boolean.hashCode(log)) * 31
                + Objects.hashCode(step);
    }

    /** A continuous uniform range. */
    public static FloatDistribution of(double low, double high) {
        return new FloatDistribution(low, high, false, null);
    }

    /** A continuous log-uniform range. */
    public static FloatDistribution log(double low, double high) {
        return new FloatDistribution(low, high, true, null);
    }

    /** A range on the grid {@code low, low + step, ..., high}. */
    public static FloatDistribution stepped(double low, double high, double step) {
        return new FloatDistribution(low, high, false, step);
    }

    /** Snaps a value to the step grid (when there is one) and clamps it to the bounds. */
    public double round(double value) {
        double v = value;
        if (step != null) {
            v = low + Math.rint((v - low) / step) * step;
        }
        return Math.min(high, Math.max(low, v));
    }

    /** The number of grid points, or -1 for a continuous range. */
    public long gridSize() {
        return step == null ? -1 : Math.round((high - low) / step) + 1;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not a number");
        }
        double v = n.doubleValue();
        if (!contains(v)) {
            throw new IllegalArgumentException("value " + v + (v >= low && v <= high ? " is off the steps of " + this
                    + " (" + low + " + k·" + step + ")" : " is outside " + this));
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean contains(double v) {
        if (!(v >= low && v <= high)) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (v - low) / step;
        return Math.abs(k - Math.rint(k)) <= GRID_TOLERANCE * Math.max(1, Math.abs(k));
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public String kindName() {
        return "FloatDistribution";
    }

    @Override
    public String toString() {
        return "float [" + low + ", " + high + "]" + (log ? " log" : "") + (step != null ? " step " + step : "");
    }
}
