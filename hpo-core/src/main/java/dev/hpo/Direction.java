package dev.hpo;

/** Whether a study looks for the lowest or the highest objective value. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /** The value as a quantity to minimize: itself for MINIMIZE, its negation for MAXIMIZE. */
    public double toMinimized(double value) {
        return this == MINIMIZE ? value : -value;
    }
}
