package dev.hpo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TrialOverheadBenchmark} with JMH and writes {@code results/overhead.md}: hpo's mean time per trial
 * at N = 100, 1000 and 2000 beside Optuna's figures and their ratio.
 *
 * <p>Usage: {@code Overhead [--samplers tpe,random] [--n 100,1000,2000] [--iterations 5] [--out FILE]}.
 */
public final class Overhead {

    private Overhead() {
    }

    public static void main(String[] rawArgs) throws RunnerException, IOException {
        String[] args = Args.split(rawArgs);
        String samplers = "tpe,random";
        String ns = "100,1000,2000";
        int iterations = 5;
        Path out = Path.of("results/overhead.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samplers" -> samplers = args[++i];
                case "--n" -> ns = args[++i];
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    // a bare sampler list, as -Dbench.args=tpe passes it
                    samplers = args[i];
                }
            }
        }
        Options options = new OptionsBuilder()
                .include(TrialOverheadBenchmark.class.getSimpleName())
                .param("sampler", samplers.split(","))
                .param("n", ns.split(","))
                .warmupIterations(3)
                .measurementIterations(iterations)
                .forks(1)
                .jvmArgs("-Xmx2g")
                .build();
        String loadBefore = loadAverage();
        Collection<RunResult> results = new Runner(options).run();
        List<String> cpuRows = new ArrayList<>();
        for (String sampler : samplers.split(",")) {
            for (String n : ns.split(",")) {
                double[] cpu = cpuMsPerTrial(sampler, Integer.parseInt(n), iterations + 3);
                cpuRows.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f |", sampler, n, cpu[0], cpu[1]));
            }
        }
        String loadAfter = loadAverage();
        StringBuilder md = new StringBuilder();
        md.append("# Per-trial overhead: hpo beside Optuna\n\n");
        md.append("Regenerate (from the repository root):\n\n```\nmvn -B -q -pl hpo-bench -am compile "
                + "exec:exec@overhead -Dexec.skip=true -Dexec.executable=java -Dbench.args=\"tpe,random\"\n```\n\n");
        md.append("JMH 1.37, mode SingleShotTime, 1 fork, 3 warm-up and ").append(iterations)
                .append(" measured iterations. Each iteration fills a fresh in-memory study of the 10-parameter "
                        + "objective of `optuna-figures.md` (seed 0) to N - 100 trials, then times the next 100 "
                        + "trials: the mean time per trial over the 100 trials before N, Optuna's measure (sampling + "
                        + "storage + objective). Optuna's figures are its `inmemory` row (Optuna 5.0.0.dev, Python "
                        + "3.11, 2 cores). Ratio = Optuna's time / hpo's time; the goal for TPE at N = 1000 is a ratio "
                        + "of at least 50 (at most ")
                .append(String.format(Locale.ROOT, "%.2f", OptunaFigures.load().overheadMs("tpe", "inmemory", 1000) / 50))
                .append(" ms per trial).\n\n");
        md.append("Run on ").append(LocalDate.now()).append(", Java ").append(System.getProperty("java.version"))
                .append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; load average ").append(loadBefore).append(" before the JMH runs and ")
                .append(loadAfter).append(" after them (above the number of cores, other processes competed for them "
                        + "and the figures are pessimistic).\n\n");
        md.append("| sampler | N | hpo ms/trial | ± (99.9 %) | Optuna ms/trial | ratio |\n|---|---|---|---|---|---|\n");
        OptunaFigures optuna = OptunaFigures.load();
        List<RunResult> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> {
            int c = a.getParams().getParam("sampler").compareTo(b.getParams().getParam("sampler"));
            return c != 0 ? -c : Integer.compare(Integer.parseInt(a.getParams().getParam("n")),
                    Integer.parseInt(b.getParams().getParam("n")));
        });
        for (RunResult r : sorted) {
            String sampler = r.getParams().getParam("sampler");
            int n = Integer.parseInt(r.getParams().getParam("n"));
            double ms = r.getPrimaryResult().getScore() / TrialOverheadBenchmark.MEASURED;
            double err = r.getPrimaryResult().getScoreError() / TrialOverheadBenchmark.MEASURED;
            double theirs = optuna.overheadMs(sampler, "inmemory", n);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %s | %s |%n", sampler, n, ms,
                    Double.isNaN(err) ? 0 : err, Double.isNaN(theirs) ? "n/a" : String.format(Locale.ROOT, "%.2f", theirs),
                    Double.isNaN(theirs) ? "n/a" : String.format(Locale.ROOT, "%.0f×", theirs / ms)));
        }
        md.append("\nThe same 100 trials timed by the thread's CPU time instead of the wall clock (one JVM, a fresh "
                + "study per run, the first ").append(3).append(" runs are warm-up): less sensitive to other "
                + "processes taking the cores, though not to their pressure on caches.\n\n"
                + "| sampler | N | CPU ms/trial (median) | CPU ms/trial (best run) |\n|---|---|---|---|\n");
        cpuRows.forEach(r -> md.append(r).append('\n'));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Median and minimum CPU ms per trial over the 100 trials before n, after 3 warm-up runs. */
    static double[] cpuMsPerTrial(String sampler, int n, int runs) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> measured = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            TrialOverheadBenchmark b = new TrialOverheadBenchmark();
            b.sampler = sampler;
            b.n = n;
            b.prefill();
            long start = bean.getCurrentThreadCpuTime();
            b.hundredTrialsBeforeN();
            double ms = (bean.getCurrentThreadCpuTime() - start) / 1e6 / TrialOverheadBenchmark.MEASURED;
            b.close();
            if (r >= 3) {
                measured.add(ms);
            }
        }
        measured.sort(null);
        return new double[] {measured.get(measured.size() / 2), measured.get(0)};
    }

    /** The 1-minute load average, or "unknown" where the platform does not say. */
    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f", load);
    }
}
