package sample;

import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/**
 * A learning curve: the loss falls with the step and is higher for a higher rate at every step, so once a few
 * trials have completed the median pruner stops the trials whose rate is worse than the median.
 */
class PruningTuning {

    @Objective(trials = 24, pruner = "median", seed = 3)
    double curve(@FloatRange(min = 0, max = 1) double rate, Trial trial) {
        double loss = Double.NaN;
        for (int step = 0; step < 8; step++) {
            loss = rate + 1.0 / (step + 1);
            trial.report(step, loss);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
        }
        return loss;
    }
}
