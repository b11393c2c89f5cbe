package dev.hpo.space;

/**
 * An integer parameter in {@code [low, high]} on the grid {@code low, low + step, ..., high}, optionally
 * log-scaled (then step must be 1). External values are {@code Integer} when both bounds fit in an int,
 * {@code Long} otherwise, so that {@code suggestInt} users get the type they expect.
 */
public record IntDistribution(long low, long high, boolean log, long step) implements Distribution {

    public IntDistribution {
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " > high " + high + "; swap the bounds");
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1, got " + step);
        }
        if (log && step != 1) {
            throw new IllegalArgumentException("a log-scaled range needs step 1, got step " + step);
        }
        if (log && low < 1) {
            throw new IllegalArgumentException("a log-scaled range needs low >= 1, got low " + low);
        }
        if ((high - low) % step != 0) {
            throw new IllegalArgumentException("step " + step + " does not divide the range [" + low + ", " + high
                    + "]; choose a high of " + (high - (high - low) % step) + " or another step");
        }
    }

    /** Written out for the reason {@link FloatDistribution#equals} gives. */
    @Override
    public boolean equals(Object other) {
        return other instanceof IntDistribution o && low == o.low && high == o.high && log == o.log && step == o.step;
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(low) * 31 + Long.hashCode(high)) * 31 + Boolean.hashCode(log)) * 31 + Long.hashCode(step);
    }

    public static IntDistribution of(long low, long high) {
        return new IntDistribution(low, high, false, 1);
    }

    public static IntDistribution log(long low, long high) {
        return new IntDistribution(low, high, true, 1);
    }

    public static IntDistribution stepped(long low, long high, long step) {
        return new IntDistribution(low, high, false, step);
    }

    /** Snaps a real number to the nearest grid value within the bounds. */
    public long round(double value) {
        double k = Math.rint((value - low) / step);
        long v = low + (long) k * step;
        return Math.min(high, Math.max(low, v));
    }

    /** The number of values in the range. */
    public long size() {
        return (high - low) / step + 1;
    }

    private boolean fitsInInt() {
        return low >= Integer.MIN_VALUE && high <= Integer.MAX_VALUE;
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number n)) {
            throw new IllegalArgumentException("value " + external + " is not an integer");
        }
        double v = n.doubleValue();
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException("value " + external + " is not a whole number, as " + this + " needs");
        }
        if (v < low || v > high) {
            throw new IllegalArgumentException("value " + external + " is outside " + this);
        }
        if (!contains(v)) {
            throw new IllegalArgumentException("value " + external + " is off the steps of " + this + " (" + low
                    + " + k·" + step + ")");
        }
        return v;
    }

    @Override
    public Object toExternal(double internal) {
        long v = round(internal);
        return fitsInInt() ? (Object) (int) v : (Object) v;
    }

    @Override
    public boolean contains(double v) {
        return v >= low && v <= high && v == Math.rint(v) && ((long) v - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public String kindName() {
        return "IntDistribution";
    }

    @Override
    public String toString() {
        return "int [" + low + ", " + high + "]" + (log ? " log" : "") + (step != 1 ? " step " + step : "");
    }
}
