package dev.hpo.bench;

import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.JournalStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the journal storage costs: the time it adds to a trial compared with the in-memory storage (random
 * sampler, trivial objective with two parameters and one intermediate value, so the storage is all there is to
 * measure) at several study sizes, and the time to open a 10,000-trial study. Writes a Markdown section to the
 * file named by the first argument ({@code hpo-bench/results/storage-journal.md} by default).
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl hpo-bench -am compile exec:exec@storage-journal
 * -Dexec.skip=true -Dexec.executable=java} (writes {@code hpo-bench/results/storage-journal.md}).
 */
public final class StorageBench {

    private static final int[] SIZES = {100, 1000, 5000};
    private static final int ROUNDS = 3;
    private static final int WARM_UP_TRIALS = 6000;
    private static final int LOAD_TRIALS = 10_000;
    private static final int LOADS = 3;

    private StorageBench() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "hpo-bench/results/storage-journal.md");
        Path scratch = Files.createTempDirectory("hpo-storage-bench");
        String loadBefore = PerTrialCost.loadAverage();
        ObjectiveFunction objective = StorageBench::objective;
        int[] run = {0};
        Supplier<Storage> async = () -> new JournalStorage(scratch.resolve("async-" + run[0]++ + ".log"));
        Supplier<Storage> sync = () -> new JournalStorage(scratch.resolve("sync-" + run[0]++ + ".log"),
                JournalStorage.Durability.SYNC);
        PerTrialCost.warmUp(InMemoryStorage::new, objective, WARM_UP_TRIALS);
        PerTrialCost.warmUp(async, objective, WARM_UP_TRIALS);
        List<PerTrialCost.Cost> memory = PerTrialCost.measure(InMemoryStorage::new, objective, SIZES, ROUNDS);
        List<PerTrialCost.Cost> asyncCost = PerTrialCost.measure(async, objective, SIZES, ROUNDS);
        List<PerTrialCost.Cost> syncCost = PerTrialCost.measure(sync, objective, SIZES, ROUNDS);
        String loadAfterTrials = PerTrialCost.loadAverage();

        Path big = scratch.resolve("big.log");
        try (Study study = PerTrialCost.study(new JournalStorage(big), "bench", 1)) {
            study.optimize(objective, LOAD_TRIALS);
        }
        double[] loads = new double[LOADS];
        double[] loadCpu = new double[LOADS];
        for (int r = 0; r < LOADS; r++) {
            long t0 = System.nanoTime();
            long c0 = PerTrialCost.processCpuNanos();
            try (JournalStorage s = new JournalStorage(big)) {
                int n = s.trials(s.findStudy("bench").orElseThrow()).size();
                if (n != LOAD_TRIALS) {
                    throw new IllegalStateException("read " + n + " trials, wrote " + LOAD_TRIALS);
                }
            }
            loads[r] = (System.nanoTime() - t0) / 1e6;
            loadCpu[r] = (PerTrialCost.processCpuNanos() - c0) / 1e6;
        }
        long lines;
        try (var stream = Files.lines(big)) {
            lines = stream.count();
        }
        String loadAtEnd = PerTrialCost.loadAverage();

        List<String> report = new ArrayList<>();
        report.add("# Journal storage: cost per trial and load time");
        report.add("");
        report.add(String.format(Locale.ROOT, "Measured by `dev.hpo.bench.StorageBench` on %s; JDK %s, %d cores,"
                + " ext4. Load average (1, 5, 15 min) before: %s; after the per-trial runs: %s; at the end: %s."
                + " The machine is shared with other builds, so wall times are pessimistic; CPU times suffer less.",
                LocalDate.now(), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                loadBefore, loadAfterTrials, loadAtEnd));
        report.add("");
        report.add("## Time per trial");
        report.add("");
        report.add(String.format(Locale.ROOT, "`RandomSampler`, objective with `suggestFloat`, `suggestInt` and one"
                + " `report`, one thread. After %,d warm-up trials per storage (so that the JIT has compiled the"
                + " storage's code), %d fresh studies of %,d trials each; the %d trials that bring a study to each"
                + " size are timed, and the median over the studies is shown. \"Added\" is the storage minus the"
                + " in-memory storage at the same size.", WARM_UP_TRIALS, ROUNDS, SIZES[SIZES.length - 1],
                PerTrialCost.BLOCK));
        report.add("");
        report.add(PerTrialCost.header());
        report.addAll(PerTrialCost.rows("memory", memory, null));
        report.addAll(PerTrialCost.rows("journal, ASYNC (default)", asyncCost, memory));
        report.addAll(PerTrialCost.rows("journal, SYNC", syncCost, memory));
        report.add("");
        report.add("## Opening a study");
        report.add("");
        Arrays.sort(loads);
        Arrays.sort(loadCpu);
        report.add(String.format(Locale.ROOT, "A %,d-trial study (%,d lines, %.1f MB): open the journal and list the"
                + " study's trials, %d times in one JVM (the first includes class loading and JIT warm-up):"
                + " median %.0f ms, best %.0f ms, worst %.0f ms of wall time; process CPU time median %.0f ms.",
                LOAD_TRIALS, lines, Files.size(big) / 1e6, LOADS, loads[LOADS / 2], loads[0], loads[LOADS - 1],
                loadCpu[LOADS / 2]));
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text);
    }

    private static double objective(dev.hpo.Trial trial) {
        double x = trial.suggestFloat("x", -10, 10);
        int k = trial.suggestInt("k", 1, 100);
        trial.report(0, x);
        return x * x + k;
    }
}
