package dev.hpo.terminator;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;

/**
 * The error of the best trial's value from the spread of its cross-validation scores (Optuna's
 * {@code CrossValidationErrorEvaluator}): the standard deviation of the fold scores, corrected for the overlap of
 * the folds' training sets as Nadeau and Bengio (2003) propose, √((1/k + 1/(k − 1)) · var). The objective reports the
 * scores with {@link Terminator#reportCrossValidationScores}.
 */
public final class CrossValidationErrorEvaluator implements ErrorEvaluator {

    @Override
    public double evaluate(Study study) {
        FrozenTrial best = study.bestTrial();
        if (!(best.systemAttrs().get(Terminator.CV_SCORES_ATTR) instanceof List<?> raw)) {
            throw new IllegalStateException("the best trial #" + best.number() + " of study " + study.name()
                    + " has no cross-validation scores: call Terminator.reportCrossValidationScores(trial, scores) in"
                    + " the objective, or give the Terminator a StaticErrorEvaluator");
        }
        if (raw.size() < 2 || !raw.stream().allMatch(v -> v instanceof Number)) {
            throw new IllegalStateException("the best trial #" + best.number() + " of study " + study.name()
                    + " has cross-validation scores " + raw + " under " + Terminator.CV_SCORES_ATTR + "; they must be"
                    + " two or more numbers, as Terminator.reportCrossValidationScores stores them");
        }
        double[] scores = raw.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        int k = scores.length;
        double mean = 0;
        for (double s : scores) {
            mean += s;
        }
        mean /= k;
        double variance = 0;
        for (double s : scores) {
            variance += (s - mean) * (s - mean);
        }
        variance /= k;
        return Math.sqrt((1.0 / k + 1.0 / (k - 1)) * variance);
    }
}
