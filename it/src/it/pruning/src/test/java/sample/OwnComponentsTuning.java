package sample;

import dev.hpo.Trial;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** The learning curve of {@link PruningTuning}, searched by the project's own sampler and pruner, named by class. */
class OwnComponentsTuning {

    @Objective(trials = 10, sampler = "sample.WalkSampler", pruner = "sample.HighRatePruner")
    double curve(@FloatRange(min = 0, max = 1) double rate, Trial trial) {
        return new PruningTuning().curve(rate, trial);
    }
}
