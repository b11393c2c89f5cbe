package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.Samplers;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-trial time as Optuna measures it: a study of the {@link OverheadObjective} is filled to N - 100 trials (seed
 * 0, in-memory storage), then the time of the next 100 trials is measured, so the score divided by 100 is the mean
 * time per trial over the 100 trials before N. Run through {@link Overhead}, which writes the results file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrialOverheadBenchmark {

    /** Trials measured per invocation. */
    public static final int MEASURED = 100;

    @Param({"tpe", "random"})
    public String sampler;

    @Param({"100", "1000", "2000"})
    public int n;

    private Study study;

    @Setup(Level.Iteration)
    public void prefill() {
        study = Study.builder().direction(Direction.MINIMIZE)
                .sampler(Samplers.byName(sampler, List.of(Direction.MINIMIZE), 0L)).pruner(new NopPruner()).build();
        study.optimize(OverheadObjective::evaluate, n - MEASURED);
    }

    @Benchmark
    public Study hundredTrialsBeforeN() {
        study.optimize(OverheadObjective::evaluate, MEASURED);
        return study;
    }

    @TearDown(Level.Iteration)
    public void close() {
        study.close();
    }
}
