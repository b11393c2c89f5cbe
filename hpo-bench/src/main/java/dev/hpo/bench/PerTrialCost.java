package dev.hpo.bench;

import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The cost of one trial with a storage, measured where it matters for "does it grow with the study": a fresh study
 * is run in blocks of {@value #BLOCK} trials up to the largest size, and the trials of the block that ends at each
 * reported size are timed (trials 1-100, 901-1000, 4901-5000). Three clocks per block: wall time, CPU time of the
 * thread running the study (what the storage costs the caller) and CPU time of the whole process (adds the JIT
 * compiler, the garbage collector and background threads such as the journal's fsync thread). The machine these
 * run on is shared, so wall time is the least reliable of the three.
 */
final class PerTrialCost {

    /** Trials per timed block. */
    static final int BLOCK = 100;

    /** Median costs of one trial, in microseconds, for the block ending at {@code size} trials. */
    record Cost(int size, double wallMicros, double threadCpuMicros, double processCpuMicros,
            double serverCpuMicros) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PerTrialCost() {
    }

    /**
     * Runs {@code rounds} fresh studies of {@code sizes[last]} trials each and returns, per size, the medians over
     * the rounds.
     */
    static List<Cost> measure(Supplier<Storage> storages, ObjectiveFunction objective, int[] sizes, int rounds) {
        return measure(storages, objective, sizes, rounds, () -> 0L);
    }

    /**
     * As {@link #measure(Supplier, ObjectiveFunction, int[], int)}, also timing a database server's CPU with
     * {@code serverCpuNanos} (CPU time of the server's processes so far, in nanoseconds).
     */
    static List<Cost> measure(Supplier<Storage> storages, ObjectiveFunction objective, int[] sizes, int rounds,
            LongSupplier serverCpuNanos) {
        int largest = sizes[sizes.length - 1];
        double[][][] samples = new double[sizes.length][4][rounds];
        for (int r = 0; r < rounds; r++) {
            try (Storage storage = storages.get(); Study study = study(storage, "cost-" + r + "-" + System.nanoTime(), r)) {
                int done = 0;
                while (done < largest) {
                    long wall = System.nanoTime();
                    long thread = THREADS.getCurrentThreadCpuTime();
                    long process = processCpuNanos();
                    long server = serverCpuNanos.getAsLong();
                    study.optimize(objective, BLOCK);
                    done += BLOCK;
                    for (int s = 0; s < sizes.length; s++) {
                        if (sizes[s] == done) {
                            samples[s][0][r] = (System.nanoTime() - wall) / 1e3 / BLOCK;
                            samples[s][1][r] = (THREADS.getCurrentThreadCpuTime() - thread) / 1e3 / BLOCK;
                            samples[s][2][r] = (processCpuNanos() - process) / 1e3 / BLOCK;
                            samples[s][3][r] = (serverCpuNanos.getAsLong() - server) / 1e3 / BLOCK;
                        }
                    }
                }
            }
        }
        List<Cost> out = new ArrayList<>();
        for (int s = 0; s < sizes.length; s++) {
            out.add(new Cost(sizes[s], median(samples[s][0]), median(samples[s][1]), median(samples[s][2]),
                    median(samples[s][3])));
        }
        return out;
    }

    /** Runs trials that are not measured, so that the JIT has compiled the storage's code before measuring. */
    static void warmUp(Supplier<Storage> storages, ObjectiveFunction objective, int trials) {
        try (Storage storage = storages.get(); Study study = study(storage, "warm-up-" + System.nanoTime(), 99)) {
            study.optimize(objective, trials);
        }
    }

    static Study study(Storage storage, String name, long seed) {
        return Study.builder().name(name).storage(storage).sampler(new RandomSampler(seed)).build();
    }

    /**
     * CPU time of the whole process (all threads, the JVM's own included), in nanoseconds: the sum of the first
     * field of {@code /proc/self/task/<tid>/schedstat}, which the kernel keeps to the nanosecond. The MXBean's
     * process CPU time moves in 10 ms ticks, too coarse for a block of 100 trials; it is the fallback elsewhere
     * than Linux. Threads that ended are not counted; the measured code starts none that ends within a block.
     */
    static long processCpuNanos() {
        long own = cpuNanos(Path.of("/proc/self"));
        return own >= 0 ? own : ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time, in nanoseconds, of the processes whose parent is {@code parentPid} and of that process itself (a
     * PostgreSQL postmaster and its backends), or 0 where {@code /proc} cannot tell.
     */
    static long processTreeCpuNanos(long parentPid) {
        long sum = Math.max(0, cpuNanos(Path.of("/proc", String.valueOf(parentPid))));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : all) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == parentPid) {
                        sum += Math.max(0, cpuNanos(p));
                    }
                } catch (IOException ended) {
                    // the process ended while /proc was listed
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** The CPU time of all threads of the process at {@code /proc/<pid>}, or -1 when it cannot be read. */
    private static long cpuNanos(Path process) {
        Path tasks = process.resolve("task");
        if (Files.isDirectory(tasks)) {
            long sum = 0;
            try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
                for (Path task : all) {
                    try {
                        String stat = Files.readString(task.resolve("schedstat"));
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    } catch (NoSuchFileException ended) {
                        // the thread ended while the directory was listed
                    }
                }
                return sum;
            } catch (IOException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The machine's load averages over 1, 5 and 15 minutes, as {@code uptime} shows them. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Table rows: one per size, the storage's cost and what it adds to the baseline's. */
    static List<String> rows(String storage, List<Cost> costs, List<Cost> baseline) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            Cost c = costs.get(i);
            Cost b = baseline == null ? null : baseline.get(i);
            out.add(String.format(Locale.ROOT, "| %s | %,d | %.0f | %s | %.0f | %s | %.0f | %s |", storage, c.size(),
                    c.wallMicros(), b == null ? "-" : String.format(Locale.ROOT, "%.0f", c.wallMicros() - b.wallMicros()),
                    c.threadCpuMicros(), b == null ? "-"
                            : String.format(Locale.ROOT, "%.0f", c.threadCpuMicros() - b.threadCpuMicros()),
                    c.processCpuMicros(), c.serverCpuMicros() > 0
                            ? String.format(Locale.ROOT, "%.0f", c.serverCpuMicros()) : "-"));
        }
        return out;
    }

    static String header() {
        return "| storage | study size (its last " + BLOCK + " trials timed) | wall µs per trial | added wall"
                + " | study-thread CPU µs per trial | added thread CPU | process CPU µs per trial"
                + " | database server CPU µs per trial |\n|---|---:|---:|---:|---:|---:|---:|---:|";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
