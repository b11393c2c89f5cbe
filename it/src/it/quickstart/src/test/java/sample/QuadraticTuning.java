package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** The quick start objective: a bowl with its minimum 0 at x=1, y=-2. */
class QuadraticTuning {

    @Objective(trials = 20, seed = 42)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
