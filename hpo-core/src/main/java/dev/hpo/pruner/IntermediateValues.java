package dev.hpo.pruner;

import dev.hpo.Direction;
import java.util.Iterator;

/** Reductions over intermediate values that several pruners share. */
final class IntermediateValues {

    private IntermediateValues() {
    }

    /** The best value in the study's direction, ignoring NaN; NaN when there is no other value. */
    static double best(Iterable<Double> values, Direction direction) {
        double best = Double.NaN;
        for (double v : values) {
            best = better(best, v, direction);
        }
        return best;
    }

    /** As {@link #best(Iterable, Direction)} over the next {@code count} values of the iterator. */
    static double best(Iterator<Double> values, int count, Direction direction) {
        double best = Double.NaN;
        for (int i = 0; i < count; i++) {
            best = better(best, values.next(), direction);
        }
        return best;
    }

    private static double better(double best, double v, Direction direction) {
        return !Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best)) ? v : best;
    }
}
