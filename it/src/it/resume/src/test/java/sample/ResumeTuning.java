package sample;

import dev.hpo.junit.Enqueue;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/**
 * Six trials per build, kept in target/hpo/studies.log; seeded, as a reproducible study would be; starting from a
 * baseline configuration, which the second build does not evaluate again.
 */
class ResumeTuning {

    @Objective(trials = 6, seed = 3)
    @Enqueue("x=0, y=0")
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y) {
        System.out.println("evaluating the bowl at x=" + x + ", y=" + y);  // the log's in the first build, a file's after
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }
}
