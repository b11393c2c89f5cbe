package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;

/**
 * Four trials, then the outputs are rebuilt from the journal. The bowl's centre is loaded by {@code @BeforeAll} and
 * its scale set by {@code @BeforeEach}, so a trial fails unless the fork ran both; the disabled objective would fail
 * the build if it ran.
 */
class ReportTuning {

    private static double[] centre;
    private double scale;

    @BeforeAll
    static void loadCentre() {
        centre = new double[] {1, -2};
    }

    @BeforeEach
    void setScale() {
        scale = 1;
    }

    @Objective(trials = 4)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        if (scale != 1) {
            throw new IllegalStateException("@BeforeEach did not run");
        }
        return (x - centre[0]) * (x - centre[0]) + (y - centre[1]) * (y - centre[1]);
    }

    @Disabled("never in CI")
    @Objective(trials = 4)
    double slow(@FloatRange(min = -5, max = 5) double x) {
        throw new IllegalStateException("a @Disabled objective ran");
    }
}
