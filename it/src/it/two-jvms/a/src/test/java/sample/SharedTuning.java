package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Module a: adds 15 trials to the study both modules share. */
class SharedTuning {

    @Objective(name = "shared.bowl", trials = 15)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
