package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** A well-formed objective whose every trial fails: its study has no result, which the build reports once. */
class FailingTuning {

    @Objective(trials = 2)
    double always(@FloatRange(min = 0, max = 1) double x) {
        throw new IllegalStateException("no data at x = " + x);
    }
}
