package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** A module's objective, tuned when the reactor is built from its root. */
class ModuleTuning {

    @Objective(trials = 4, seed = 3)
    double bowl(@FloatRange(min = -5, max = 5) double x) {
        return (x - 1) * (x - 1);
    }
}
