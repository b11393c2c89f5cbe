package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.Samplers;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Sample efficiency and cost per trial by dimension: samplers (by their {@link Samplers#byName} names) on scalable
 * standard functions at several dimensions, the median regret after 100 and 200 trials and the CPU time per trial
 * (the sampler's: the functions cost microseconds). It is the measurement behind the dimension above which the
 * default sampler skips the GP ({@code AutoSampler.GP_MAX_DIMENSION}). Writes a table per problem to {@code --out}
 * (default {@code target/auto-dimension.md}); {@code results/auto-dimension.md} merges the tables of several runs.
 *
 * <p>Usage: {@code AutoDimension [--dims 10,20,40,80] [--seeds N] [--seeds-above D:N] [--trials N]
 * [--problems rosenbrock,ackley,levy,levy-mixed] [--out FILE] sampler...}. {@code --seeds-above 40:5} runs 5 seeds
 * instead of N at dimensions of 40 and more. One thread: the times are those of one study on one core.
 *
 * <p>The functions, each on the box commonly used for it in the BO literature (BoTorch's test functions, TuRBO),
 * none with its optimum at the centre of the box (where CMA-ES starts): Rosenbrock on [−5, 10]^d, minimum 0 at
 * (1, …, 1); Ackley on [−5, 10]^d, minimum 0 at the origin; Levy on [−10, 10]^d, minimum 0 at (1, …, 1).
 * levy-mixed is Levy with its last quarter of parameters categorical, each one of −10, −5, 0, 1, 5 and 10: a space
 * CMA-ES cannot take, where the default sampler's alternative to the GP is TPE.
 */
public final class AutoDimension {

    private static final int[] CHECKPOINTS = {100, 200};
    /** The values of levy-mixed's categorical parameters, unordered for the samplers. */
    private static final List<Double> CHOICES = List.of(-10.0, -5.0, 0.0, 1.0, 5.0, 10.0);

    private AutoDimension() {
    }

    /** One run: the regret after each checkpoint and the CPU time of the optimizing thread per trial. */
    record Run(double[] regrets, double cpuMsPerTrial, double tailCpuMsPerTrial) {
    }

    /** All runs of one sampler on one problem at one dimension. */
    record Cell(String problem, int dimension, String sampler, List<Run> runs) {
        double[] regrets(int checkpoint) {
            return runs.stream().mapToDouble(r -> r.regrets()[checkpoint]).toArray();
        }

        double meanCpuMs() {
            return runs.stream().mapToDouble(Run::cpuMsPerTrial).average().orElse(Double.NaN);
        }

        double meanTailCpuMs() {
            return runs.stream().mapToDouble(Run::tailCpuMsPerTrial).average().orElse(Double.NaN);
        }
    }

    public static void main(String[] rawArgs) throws IOException {
        String[] args = Args.split(rawArgs);
        int[] dims = {10, 20, 40, 80};
        int seeds = 10;
        int seedsAboveDim = Integer.MAX_VALUE;
        int seedsAbove = 10;
        int trials = 200;
        List<String> problems = new ArrayList<>(List.of("rosenbrock", "ackley", "levy"));
        Path out = Path.of("target/auto-dimension.md");
        List<String> samplers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dims" -> dims = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--seeds-above" -> {
                    String[] p = args[++i].split(":");
                    seedsAboveDim = Integer.parseInt(p[0]);
                    seedsAbove = Integer.parseInt(p[1]);
                }
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--problems" -> problems = List.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> samplers.add(args[i]);
            }
        }
        if (samplers.isEmpty()) {
            samplers.addAll(List.of("gp", "tpe", "cmaes", "auto"));
        }
        List<Cell> cells = new ArrayList<>();
        long start = System.nanoTime();
        for (String name : problems) {
            for (int d : dims) {
                Problem problem = problem(name, d);
                int n = d >= seedsAboveDim ? seedsAbove : seeds;
                for (String sampler : samplers) {
                    List<Run> runs = new ArrayList<>();
                    for (long seed = 0; seed < n; seed++) {
                        runs.add(runOne(sampler, problem, seed, trials));
                    }
                    Cell cell = new Cell(name, d, sampler, runs);
                    cells.add(cell);
                    System.out.printf(Locale.ROOT, "%-10s d=%-3d %-6s %2d seeds  regret@100 %-10s @200 %-10s"
                            + " %.1f ms/trial CPU (last 10: %.1f)%n", name, d, sampler, n,
                            SampleEfficiency.fmt(SampleEfficiency.quantile(cell.regrets(0), 0.5)),
                            SampleEfficiency.fmt(SampleEfficiency.quantile(cell.regrets(1), 0.5)), cell.meanCpuMs(),
                            cell.meanTailCpuMs());
                }
            }
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String md = report(String.join(" ", args), cells, samplers, problems, dims, seeds, seedsAboveDim, seedsAbove,
                trials, minutes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** One study of {@code trials} trials; the regret after each checkpoint and the CPU time per trial. */
    static Run runOne(String sampler, Problem problem, long seed, int trials) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Direction> dirs = List.of(problem.direction());
        try (Study study = Study.builder().direction(problem.direction())
                .sampler(Samplers.byName(sampler, dirs, seed)).pruner(new NopPruner()).build()) {
            int tail = Math.min(10, trials);
            long cpu0 = threads.getCurrentThreadCpuTime();
            study.optimize(problem::evaluate, trials - tail);
            long cpu1 = threads.getCurrentThreadCpuTime();
            study.optimize(problem::evaluate, tail);
            long cpu2 = threads.getCurrentThreadCpuTime();
            double[] regrets = new double[CHECKPOINTS.length];
            double best = Double.POSITIVE_INFINITY;
            int c = 0;
            for (FrozenTrial t : study.trials()) {
                if (t.state() == TrialState.COMPLETE) {
                    best = Math.min(best, t.value());
                }
                while (c < CHECKPOINTS.length && t.number() + 1 == CHECKPOINTS[c]) {
                    regrets[c++] = problem.regret(best);
                }
            }
            while (c < CHECKPOINTS.length) {
                regrets[c++] = problem.regret(best);
            }
            return new Run(regrets, (cpu2 - cpu0) / 1e6 / trials, (cpu2 - cpu1) / 1e6 / tail);
        }
    }

    /** The named function in {@code d} dimensions, parameters x1..xd, minimized, optimum 0. */
    static Problem problem(String name, int d) {
        return switch (name) {
            case "rosenbrock" -> problem("rosenbrock" + d, d, -5, 10, AutoDimension::rosenbrock);
            case "ackley" -> problem("ackley" + d, d, -5, 10, AutoDimension::ackley);
            case "levy" -> problem("levy" + d, d, -10, 10, AutoDimension::levy);
            case "levy-mixed" -> problem("levy-mixed" + d, d, d / 4, -10, 10, AutoDimension::levy);
            default -> throw new IllegalArgumentException("unknown problem '" + name
                    + "'; known: rosenbrock, ackley, levy, levy-mixed");
        };
    }

    private static Problem problem(String name, int d, double low, double high, ToDoubleFunction<double[]> f) {
        return problem(name, d, 0, low, high, f);
    }

    /** The last {@code categorical} of the d parameters are categorical, with {@link #CHOICES} (the optimum's 1). */
    private static Problem problem(String name, int d, int categorical, double low, double high,
            ToDoubleFunction<double[]> f) {
        Map<String, Distribution> params = new LinkedHashMap<>();
        for (int i = 1; i <= d; i++) {
            params.put("x" + i, i > d - categorical ? CategoricalDistribution.of(CHOICES)
                    : new FloatDistribution(low, high, false, null));
        }
        ToDoubleFunction<Map<String, Object>> of = v -> f.applyAsDouble(
                v.values().stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray());
        return new Problem(name, Direction.MINIMIZE, params, of, 0.0);
    }

    /** Σ 100 (x_{i+1} − x_i²)² + (x_i − 1)²; 0 at (1, …, 1). */
    static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            f += 100 * a * a + b * b;
        }
        return f;
    }

    /** −20 exp(−0.2 √(Σx²/d)) − exp(Σcos(2πx)/d) + 20 + e; 0 at the origin. */
    static double ackley(double[] x) {
        double sq = 0;
        double cos = 0;
        for (double xi : x) {
            sq += xi * xi;
            cos += Math.cos(2 * Math.PI * xi);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cos / d) + 20 + Math.E;
    }

    /**
     * Levy: w_i = 1 + (x_i − 1)/4; sin²(πw_1) + Σ_{i&lt;d} (w_i − 1)²(1 + 10 sin²(πw_i + 1)) + (w_d − 1)²(1 +
     * sin²(2πw_d)); 0 at (1, …, 1).
     */
    static double levy(double[] x) {
        int d = x.length;
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
        }
        double f = sq(Math.sin(Math.PI * w[0]));
        for (int i = 0; i + 1 < d; i++) {
            f += sq(w[i] - 1) * (1 + 10 * sq(Math.sin(Math.PI * w[i] + 1)));
        }
        return f + sq(w[d - 1] - 1) * (1 + sq(Math.sin(2 * Math.PI * w[d - 1])));
    }

    private static double sq(double v) {
        return v * v;
    }

    private static String report(String arguments, List<Cell> cells, List<String> samplers, List<String> problems,
            int[] dims, int seeds, int seedsAboveDim, int seedsAbove, int trials, double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# Sampler by dimension (AutoDimension)\n\n");
        md.append(Args.regenerate("auto-dimension", arguments));
        md.append("Written by `dev.hpo.bench.AutoDimension` on ").append(LocalDate.now()).append(": ")
                .append(seeds).append(" seeds (0..").append(seeds - 1).append(')');
        if (seedsAboveDim != Integer.MAX_VALUE) {
            md.append(", ").append(seedsAbove).append(" from ").append(seedsAboveDim).append(" dimensions on");
        }
        md.append(" × ").append(trials).append(" trials per problem, dimension and sampler, one thread, in-memory "
                + "storage, no pruner; ").append(String.format(Locale.ROOT, "%.1f", minutes)).append(" minutes. "
                + "Regret = best so far minus the optimum (0), after 100 and 200 trials (after the last trial, in a "
                + "shorter run). Cells: median [25th, 75th percentile] over the seeds. "
                + "ms/trial: CPU time of the optimizing thread per trial, mean over the run (last 10 trials in "
                + "parentheses); the functions cost microseconds, so it is the sampler's.\n\n");
        for (String p : problems) {
            md.append("## ").append(p).append("\n\n| d | sampler | regret @100 | regret @200")
                    .append(" | ms/trial (last 10) |\n|---|---|---|---|---|\n");
            for (int d : dims) {
                for (String s : samplers) {
                    for (Cell c : cells) {
                        if (c.problem().equals(p) && c.dimension() == d && c.sampler().equals(s)) {
                            md.append("| ").append(d).append(" | ").append(s).append(" | ")
                                    .append(SampleEfficiency.cell(c.regrets(0))).append(" | ")
                                    .append(SampleEfficiency.cell(c.regrets(1))).append(" | ")
                                    .append(String.format(Locale.ROOT, "%.1f (%.1f)", c.meanCpuMs(),
                                            c.meanTailCpuMs())).append(" |\n");
                        }
                    }
                }
            }
            md.append('\n');
        }
        return md.toString();
    }
}
