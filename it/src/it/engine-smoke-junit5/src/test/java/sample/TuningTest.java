package sample;

import dev.hpo.Direction;
import dev.hpo.Trial;
import dev.hpo.junit.Choice;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.LogFloat;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;

/** Objectives beside Jupiter tests; each call is written to target/objective-calls.txt for verify.groovy. */
class TuningTest {

    enum Kernel { RBF, LINEAR }

    @BeforeAll
    static void open() throws IOException {
        record("beforeAll");
    }

    @AfterAll
    static void close() throws IOException {
        record("afterAll");
    }

    @Disabled("too slow for a smoke run")
    @Objective(trials = 10)
    static double disabled(@FloatRange(min = 0, max = 1) double x) throws IOException {
        record("disabled x=" + x);
        return x;
    }

    @Objective(trials = 50)
    static double bowl(@FloatRange(min = -4, max = 6) double x, @IntRange(min = 1, max = 9) int k)
            throws IOException {
        record("bowl x=" + x + " k=" + k);
        return (x - 1) * (x - 1) + k;
    }

    @Objective(direction = Direction.MAXIMIZE, trials = 20)
    double score(@LogFloat(min = 1e-4, max = 1) double rate, @Choice({"gini", "entropy"}) String rule,
            Kernel kernel, boolean shuffle, Trial trial) throws IOException {
        trial.report(0, rate);
        record("score rate=" + rate + " rule=" + rule + " kernel=" + kernel + " shuffle=" + shuffle);
        return Math.log10(rate) + (shuffle ? 1 : 0);
    }

    private static void record(String call) throws IOException {
        Files.writeString(Path.of("target", "objective-calls.txt"), call + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
