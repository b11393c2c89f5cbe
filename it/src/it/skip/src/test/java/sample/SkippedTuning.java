package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import org.junit.jupiter.api.Tag;

/** Never runs: every build of this project skips hpo or filters this study out (by name or by tag). */
@Tag("gpu")
class SkippedTuning {

    @Objective(trials = 3)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
