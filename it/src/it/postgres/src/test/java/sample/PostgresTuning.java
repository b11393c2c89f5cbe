package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.Objective;

/** Six trials per build, kept in the PostgreSQL database named by -Dhpo.storage. */
class PostgresTuning {

    @Objective(trials = 6)
    double bowl(@FloatRange(min = -5, max = 5) double x, @IntRange(min = -5, max = 5) int k) {
        return (x - 1) * (x - 1) + (k + 2) * (k + 2);
    }
}
