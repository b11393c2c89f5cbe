package sample;

import dev.hpo.Trial;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/**
 * The third trial's JVM is killed outright (SIGKILL), as the system's out-of-memory killer would: no shutdown hook
 * runs, so only the goal can store that trial as FAIL.
 */
class KilledTuning {

    @Objective(trials = 5, seed = 1)
    double bowl(@FloatRange(min = -5, max = 5) double x, Trial trial) throws Exception {
        if (trial.number() == 2) {
            Thread.sleep(500);  // a trial is killed while it works, not in its first moment
            new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).inheritIO().start().waitFor();
            Thread.sleep(60_000);  // the signal ends the JVM long before this
        }
        return (x - 1) * (x - 1);
    }
}
