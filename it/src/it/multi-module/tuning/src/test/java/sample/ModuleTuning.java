package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import org.junit.jupiter.api.Tag;

/** A module's objective, tuned when the reactor is built from its root (and selected by its tag). */
@Tag("module")
class ModuleTuning {

    @Objective(trials = 4, seed = 3)
    double bowl(@FloatRange(min = -5, max = 5) double x) {
        return (x - 1) * (x - 1);
    }
}
