package sample;

import dev.hpo.junit.IntRange;
import dev.hpo.junit.Objective;

/** An objective whose range is upside down: discovery reports it as a failed test. */
class BrokenTuning {

    @Objective(trials = 3)
    double depth(@IntRange(min = 30, max = 2) int depth) {
        return depth;
    }
}
