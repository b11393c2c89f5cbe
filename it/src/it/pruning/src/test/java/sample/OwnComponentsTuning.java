package sample;

import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** The learning curve of {@link PruningTuning}, searched by the project's own sampler and pruner, named by class. */
class OwnComponentsTuning {

    @Objective(trials = 10, sampler = "sample.WalkSampler", pruner = "sample.HighRatePruner")
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
