package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/**
 * Records the Java it runs on, a system property, an environment variable, whether assertions are on, what its
 * classpath holds and how many trials its instance has served, so that the build can check the fork's set-up.
 */
class ToolchainTuning {

    private int calls;

    private static boolean present(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Objective(trials = 3, seed = 1)
    double bowl(@FloatRange(min = -5, max = 5) double x, dev.hpo.Trial trial) {
        trial.setUserAttr("java.home", System.getProperty("java.home"));
        trial.setUserAttr("dataset", System.getProperty("dataset"));
        trial.setUserAttr("region", String.valueOf(System.getenv("HPO_IT_REGION")));
        trial.setUserAttr("calls", ++calls);
        boolean assertions = false;
        assert assertions = true;  // only with -ea
        trial.setUserAttr("assertions", assertions);
        trial.setUserAttr("marker", String.valueOf(getClass().getResource("/marker.txt")));
        trial.setUserAttr("apiguardian", present("org.apiguardian.api.API"));
        return (x - 1) * (x - 1);
    }
}
