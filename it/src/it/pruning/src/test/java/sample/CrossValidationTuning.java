package sample;

import dev.hpo.Trial;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import dev.hpo.terminator.Terminator;

/**
 * A five-fold cross-validation whose folds differ in difficulty, as real folds do: the terminator stops the study
 * once the improvement still possible is smaller than the spread of the best trial's fold scores.
 */
class CrossValidationTuning {

    private static final double[] FOLD_OFFSET = {0.04, -0.03, 0.01, -0.05, 0.03};

    @Objective(trials = 150, terminator = "cv", sampler = "tpe", seed = 2)
    double folds(@FloatRange(min = -2, max = 2) double x, @FloatRange(min = -2, max = 2) double y, Trial trial) {
        double loss = (x - 0.5) * (x - 0.5) + 0.5 * (y + 1) * (y + 1);
        double[] scores = new double[FOLD_OFFSET.length];
        double sum = 0;
        for (int fold = 0; fold < scores.length; fold++) {
            scores[fold] = loss + FOLD_OFFSET[fold];
            sum += scores[fold];
        }
        Terminator.reportCrossValidationScores(trial, scores);
        return sum / scores.length;
    }
}
