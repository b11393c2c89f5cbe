package dev.hpo.pruner;

/** Argument checks shared by the pruners' constructors, so that every error names the option and the range. */
final class Checks {

    private Checks() {
    }

    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }

    static double finiteAtLeast(String option, double value, double min) {
        if (!Double.isFinite(value) || value < min) {
            throw new IllegalArgumentException(option + " must be a finite number of at least " + min + ", got " + value);
        }
        return value;
    }

    static double between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + " inclusive, got "
                    + value);
        }
        return value;
    }
}
