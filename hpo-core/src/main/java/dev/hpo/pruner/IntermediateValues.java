package dev.hpo.pruner;

import dev.hpo.Direction;

/** Reductions over intermediate values that several pruners share. */
final class IntermediateValues {

    private IntermediateValues() {
    }

    /** The best value in the study's direction, ignoring NaN; NaN when there is no other value. */
    static double best(Iterable<Double> values, Direction direction) {
        double best = Double.NaN;
        for (double v : values) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.isBetter(v, best))) {
                best = v;
            }
        }
        return best;
    }
}
