package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Records the Java it runs on, so that the build can check the fork ran on the toolchain's JDK. */
class ToolchainTuning {

    @Objective(trials = 3, seed = 1)
    double bowl(@FloatRange(min = -5, max = 5) double x, dev.hpo.Trial trial) {
        trial.setUserAttr("java.home", System.getProperty("java.home"));
        return (x - 1) * (x - 1);
    }
}
