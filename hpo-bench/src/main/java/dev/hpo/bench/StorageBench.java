package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.JournalStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the journal storage costs: the time it adds to a trial compared with the in-memory storage (random
 * sampler, trivial objective with two parameters and one intermediate value, so the storage is all there is to
 * measure), and the time to open a 10,000-trial study. Writes a Markdown table to the file named by the first
 * argument ({@code hpo-bench/results/storage-journal.md} by default).
 */
public final class StorageBench {

    private static final int TRIALS = 1000;
    private static final int REPEATS = 3;
    private static final int LOAD_TRIALS = 10_000;

    private StorageBench() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "hpo-bench/results/storage-journal.md");
        Path scratch = Files.createTempDirectory("hpo-storage-bench");
        List<String> report = new ArrayList<>();
        report.add("| storage | wall µs per trial | added vs memory | process CPU µs per trial | added CPU vs memory |");
        report.add("|---|---:|---:|---:|---:|");
        double[] memory = perTrialMicros(InMemoryStorage::new);
        report.add(String.format(Locale.ROOT, "| memory | %.1f | - | %.1f | - |", memory[0], memory[1]));
        for (JournalStorage.Durability d : JournalStorage.Durability.values()) {
            int[] run = {0};
            double[] journal = perTrialMicros(() -> new JournalStorage(scratch.resolve(d + "-" + run[0]++ + ".log"), d));
            report.add(String.format(Locale.ROOT, "| journal, %s | %.1f | %.1f | %.1f | %.1f |", d, journal[0],
                    journal[0] - memory[0], journal[1], journal[1] - memory[1]));
        }
        report.add("");
        report.add("Medians of " + REPEATS + " runs of " + TRIALS + " trials each, after a warm-up run.");
        Path big = scratch.resolve("big.log");
        try (Study study = study(new JournalStorage(big))) {
            study.optimize(StorageBench::objective, LOAD_TRIALS);
        }
        double[] loads = new double[REPEATS];
        double[] loadCpu = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            try (JournalStorage s = new JournalStorage(big)) {
                int n = s.trials(s.findStudy("bench").orElseThrow()).size();
                if (n != LOAD_TRIALS) {
                    throw new IllegalStateException("read " + n + " trials, wrote " + LOAD_TRIALS);
                }
            }
            loads[r] = (System.nanoTime() - t0) / 1e6;
            loadCpu[r] = (cpuNanos() - c0) / 1e6;
        }
        Arrays.sort(loads);
        Arrays.sort(loadCpu);
        long lines = Files.lines(big).count();
        report.add("");
        report.add(String.format(Locale.ROOT, "Opening a %,d-trial study (%,d lines, %.1f MB) and listing its trials:"
                + " median %.0f ms, best %.0f ms, worst %.0f ms over %d opens in one JVM (the first includes class"
                + " loading and JIT warm-up); process CPU time median %.0f ms.", LOAD_TRIALS, lines,
                Files.size(big) / 1e6, loads[REPEATS / 2], loads[0], loads[REPEATS - 1], REPEATS,
                loadCpu[REPEATS / 2]));
        String text = String.join("\n", report) + "\n";
        System.out.print(text);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text);
    }

    private static Study study(Storage storage) {
        return Study.builder().name("bench").direction(Direction.MINIMIZE).storage(storage)
                .sampler(new RandomSampler(1)).build();
    }

    private static double objective(dev.hpo.Trial trial) {
        double x = trial.suggestFloat("x", -10, 10);
        int k = trial.suggestInt("k", 1, 100);
        trial.report(0, x);
        return x * x + k;
    }

    /** CPU time of the whole process (all threads, the journal's sync thread included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Medians over runs of the wall time and the process CPU time per trial, after a warm-up run. */
    private static double[] perTrialMicros(Supplier<Storage> storages) {
        double[] wall = new double[REPEATS];
        double[] cpu = new double[REPEATS];
        for (int r = -1; r < REPEATS; r++) {
            try (Storage storage = storages.get(); Study study = study(storage)) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                study.optimize(StorageBench::objective, OptimizeOptions.builder().trials(TRIALS).build());
                if (r >= 0) {
                    wall[r] = (System.nanoTime() - t0) / 1e3 / TRIALS;
                    cpu[r] = (cpuNanos() - c0) / 1e3 / TRIALS;
                }
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[REPEATS / 2], cpu[REPEATS / 2]};
    }

}
