package dev.hpo.bench;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.pruner.MedianPruner;
import dev.hpo.pruner.NopPruner;
import dev.hpo.pruner.Pruner;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.sampler.Sampler;
import dev.hpo.sampler.TpeSampler;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Costs that grow with one trial's own size rather than with the study's: a trial of P parameters (each
 * {@code suggest*} must not cost O(P), or the trial costs O(P²)) and a trial of S reported steps (each
 * {@code report} + {@code shouldPrune} must not copy the S values so far). Fresh studies of trivial objectives, so
 * that what is timed is the library: per trial, the median over several trials of wall and study-thread CPU time,
 * and apart the CPU time of {@code ask} (where a sampler such as TPE samples the whole relative search space, O(P)
 * per trial) and of the suggestions per call; per report, the median over trials of one trial's time divided by its
 * steps.
 *
 * <p>Run from the repository root: {@code mvn -o -q -pl hpo-bench -am compile exec:exec@trial-scale
 * -Dexec.skip=true -Dexec.executable=java} (add {@code -Dbench.args="--out FILE"} to write elsewhere than
 * {@code results/trial-scale-run.md}).
 */
public final class TrialScale {

    private static final int[] PARAMS = {200, 800, 3_200};
    private static final int[] STEPS = {100, 1_000, 4_000};
    /** Suggestions timed per configuration: fewer trials as they grow, so that each size costs about the same. */
    private static final int SUGGESTIONS = 12_800;
    /** Finished trials that each pruning study holds before its timed trials, all with every step reported. */
    private static final int HISTORY = 10;
    private static final int PRUNED_TRIALS = 5;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TrialScale() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Args.out(args, Path.of("results", "trial-scale-run.md"));
        String loadBefore = PerTrialCost.loadAverage();
        StringBuilder md = new StringBuilder();
        md.append("Run on ").append(LocalDate.now()).append(", Java ").append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores; load average ")
                .append(loadBefore).append(" at the start");

        StringBuilder suggest = new StringBuilder("| storage | sampler | parameters | trials timed | wall ms per trial"
                + " | thread CPU ms per trial | of which ask (relative sampling) | thread CPU µs per suggest |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
        Path dir = Files.createTempDirectory("trial-scale");
        try {
            suggestRows(suggest, "memory", InMemoryStorage::new, "random", () -> new RandomSampler(0));
            suggestRows(suggest, "memory", InMemoryStorage::new, "tpe", () -> new TpeSampler(0));
            int[] journals = {0};
            suggestRows(suggest, "journal", () -> Storages.open("journal:" + dir.resolve("s" + journals[0]++ + ".log")),
                    "random", () -> new RandomSampler(0));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }

        StringBuilder prune = new StringBuilder("| pruner | steps per trial | µs per report + shouldPrune (wall)"
                + " | µs per report + shouldPrune (thread CPU) |\n|---|---:|---:|---:|\n");
        // an unreported pass first, so that the JIT has compiled report and shouldPrune before the smallest size
        pruneRows(new StringBuilder(), "warm-up", MedianPruner::new);
        pruneRows(prune, "NopPruner", NopPruner::new);
        pruneRows(prune, "MedianPruner()", MedianPruner::new);

        md.append(" and ").append(PerTrialCost.loadAverage()).append(" at the end.\n\n")
                .append("Per trial of P `suggestFloat` calls (in-memory storage unless named; the journal's file in a"
                        + " temporary folder):\n\n").append(suggest)
                .append("\nPer report of a trial of S steps that calls `report(step, v)` then `shouldPrune()` at every"
                        + " step, in a study of ").append(HISTORY).append(" finished trials of S steps each:\n\n")
                .append(prune);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        System.out.print(md);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static void suggestRows(StringBuilder rows, String storageName, Supplier<Storage> storages,
            String samplerName, Supplier<Sampler> samplers) {
        for (int p : PARAMS) {
            int trials = Math.max(4, SUGGESTIONS / p);
            // the first trials are warm-up, for the JIT and so that TPE is past its random start-up trials
            int warmUp = Math.max(12, trials / 2);
            double[] wall = new double[trials];
            double[] cpu = new double[trials];
            double[] ask = new double[trials];
            double[] suggests = new double[trials];
            try (Storage storage = storages.get(); Study study = Study.builder().name("suggest-" + p)
                    .storage(storage).sampler(samplers.get()).pruner(new NopPruner()).build()) {
                for (int t = -warmUp; t < trials; t++) {
                    long w = System.nanoTime();
                    long c = THREADS.getCurrentThreadCpuTime();
                    Trial trial = study.ask();
                    long asked = THREADS.getCurrentThreadCpuTime();
                    double sum = 0;
                    for (int i = 0; i < p; i++) {
                        sum += trial.suggestFloat("x" + i, -1, 1);
                    }
                    long suggested = THREADS.getCurrentThreadCpuTime();
                    study.tell(trial, sum);
                    if (t >= 0) {
                        wall[t] = (System.nanoTime() - w) / 1e3;
                        cpu[t] = (THREADS.getCurrentThreadCpuTime() - c) / 1e3;
                        ask[t] = (asked - c) / 1e3;
                        suggests[t] = (suggested - asked) / 1e3 / p;
                    }
                }
            }
            rows.append(String.format(Locale.ROOT, "| %s | %s | %,d | %d | %.2f | %.2f | %.2f | %.2f |%n", storageName,
                    samplerName, p, trials, median(wall) / 1e3, median(cpu) / 1e3, median(ask) / 1e3,
                    median(suggests)));
            System.out.printf(Locale.ROOT, "%s %s: %,d parameters, %.2f µs per suggest%n", storageName, samplerName, p,
                    median(suggests));
        }
    }

    private static void pruneRows(StringBuilder rows, String prunerName, Supplier<Pruner> pruners) {
        for (int s : STEPS) {
            double[] wall = new double[PRUNED_TRIALS];
            double[] cpu = new double[PRUNED_TRIALS];
            int pruned = 0;
            // one warm-up study, then the timed one
            for (int round = 0; round < 2; round++) {
                try (Study study = Study.builder().name("prune-" + s).sampler(new RandomSampler(0))
                        .pruner(pruners.get()).build()) {
                    for (int h = 0; h < HISTORY; h++) {
                        Trial trial = study.ask();
                        LongFunction<Double> curve = curve(h);
                        for (int step = 0; step < s; step++) {
                            trial.report(step, curve.apply(step));
                        }
                        study.tell(trial, curve.apply(s));
                    }
                    for (int t = 0; t < PRUNED_TRIALS; t++) {
                        Trial trial = study.ask();
                        LongFunction<Double> curve = curve(HISTORY + t);
                        long w = System.nanoTime();
                        long c = THREADS.getCurrentThreadCpuTime();
                        for (int step = 0; step < s; step++) {
                            trial.report(step, curve.apply(step));
                            if (trial.shouldPrune()) {
                                pruned++;
                            }
                        }
                        wall[t] = (System.nanoTime() - w) / 1e3 / s;
                        cpu[t] = (THREADS.getCurrentThreadCpuTime() - c) / 1e3 / s;
                        FrozenTrial done = study.tell(trial, TrialState.PRUNED);
                        if (done.intermediateValues().size() != s) {
                            throw new IllegalStateException("trial " + done.number() + " lost reports");
                        }
                    }
                }
            }
            rows.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %.2f |%n", prunerName, s, median(wall),
                    median(cpu)));
            System.out.printf(Locale.ROOT, "%s: %,d steps, %.2f µs per report (%d prune answers)%n", prunerName, s,
                    median(cpu), pruned);
        }
    }

    /** A learning curve that rises towards a level that differs by trial, so the median pruner has work to do. */
    private static LongFunction<Double> curve(int trial) {
        double level = 0.5 + 0.05 * ((trial * 7) % 10);
        return step -> level * (1 - 1.0 / (step + 2));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
