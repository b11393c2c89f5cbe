package sample;

import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A mean over ten folds of unequal difficulty, as a cross-validation is: each fold's loss is reported with the fold
 * as the step, in a shuffled order, so the Wilcoxon pruner stops a trial once it is worse than the best trial on the
 * folds both have seen; patience ends the study once its best stops improving.
 */
class FoldsTuning {

    private static final double[] HARDNESS = {0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.0};

    @Objective(trials = 60, pruner = "wilcoxon", patience = 10, sampler = "random", seed = 5)
    double folds(@FloatRange(min = -1, max = 1) double shift, Trial trial) {
        List<Integer> order = new ArrayList<>();
        for (int fold = 0; fold < HARDNESS.length; fold++) {
            order.add(fold);
        }
        Collections.shuffle(order, new Random(trial.number()));
        double sum = 0;
        for (int fold : order) {
            double loss = HARDNESS[fold] + shift * shift;
            sum += loss;
            trial.report(fold, loss);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
        }
        return sum / HARDNESS.length;
    }
}
