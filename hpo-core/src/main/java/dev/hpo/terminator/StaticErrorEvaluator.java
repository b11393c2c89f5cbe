package dev.hpo.terminator;

import dev.hpo.Study;

/** A fixed error: for objectives without cross-validation scores, whose noise the user knows (Optuna's
 * {@code StaticErrorEvaluator}). */
public final class StaticErrorEvaluator implements ErrorEvaluator {

    private final double error;

    public StaticErrorEvaluator(double error) {
        if (!(error >= 0) || Double.isInfinite(error)) {
            throw new IllegalArgumentException("error must be a finite number of at least 0, got " + error);
        }
        this.error = error;
    }

    @Override
    public double evaluate(Study study) {
        return error;
    }
}
