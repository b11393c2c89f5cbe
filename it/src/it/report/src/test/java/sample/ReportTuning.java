package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Four trials, then the outputs are rebuilt from the journal. */
class ReportTuning {

    @Objective(trials = 4)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
