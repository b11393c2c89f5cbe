package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Minimizes a square: the threshold -1 is out of reach. */
class GateTuning {

    @Objective(trials = 5, threshold = -1.0)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
