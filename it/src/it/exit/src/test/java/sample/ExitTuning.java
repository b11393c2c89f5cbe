package sample;

import dev.hpo.Trial;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** The third trial ends the JVM, as an objective that calls System.exit (or a library that does) would. */
class ExitTuning {

    @Objective(trials = 5, seed = 1)
    double bowl(@FloatRange(min = -5, max = 5) double x, Trial trial) {
        if (trial.number() == 2) {
            System.exit(3);
        }
        return (x - 1) * (x - 1);
    }
}
