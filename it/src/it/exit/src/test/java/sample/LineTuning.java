package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** The project's other objective: run by the first build only, its study must stay in the second build's outputs. */
class LineTuning {

    @Objective(trials = 3, seed = 1)
    double line(@FloatRange(min = 0, max = 1) double x) {
        return x;
    }
}
