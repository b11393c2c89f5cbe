package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sample-efficiency benchmark: runs samplers (by their {@link Samplers#byName} names) on the five problems of
 * {@code problems.json}, 20 seeds × 200 trials each, and writes the median and quartiles of the regret after 50,
 * 100 and 200 trials beside Optuna's figures to {@code hpo-bench/results/sample-efficiency.md}.
 *
 * <p>Usage: {@code SampleEfficiency [--seeds N] [--seed-offset N] [--trials N] [--threads N] [--problems a,b]
 * [--out FILE] sampler...}. Runs are
 * independent studies with seed 0..N-1, so running them on several threads gives the same numbers.
 */
public final class SampleEfficiency {

    private static final int[] CHECKPOINTS = {50, 100, 200};
    private static final String[] OPTUNA_COLUMNS = {"random", "tpe", "tpe_independent", "cmaes"};

    private SampleEfficiency() {
    }

    /** Regret after each checkpoint, [checkpoint][seed]. */
    record Result(String sampler, Problem problem, double[][] regrets) {
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = Args.split(rawArgs);
        int seeds = 20;
        int trials = 200;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        Path out = Path.of("results/sample-efficiency.md");
        int seedOffset = 0;
        List<String> only = new ArrayList<>();
        List<String> samplers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Integer.parseInt(args[++i]);
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed-offset" -> seedOffset = Integer.parseInt(args[++i]);
                case "--problems" -> only.addAll(List.of(args[++i].split(",")));
                default -> samplers.add(args[i]);
            }
        }
        if (samplers.isEmpty()) {
            samplers.add("tpe");
        }
        List<Problem> problems = new ArrayList<>(Problems.load());
        if (!only.isEmpty()) {
            problems.removeIf(p -> !only.contains(p.name()));
        }
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (String sampler : samplers) {
                for (Problem problem : problems) {
                    results.add(run(pool, sampler, problem, seedOffset, seeds, trials));
                    System.out.printf(Locale.ROOT, "%-16s %-12s median regret@100 %.4g%n", sampler,
                            problem.name(), quantile(results.get(results.size() - 1).regrets()[1], 0.5));
                }
            }
        } finally {
            pool.shutdown();
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String md = report(String.join(" ", args), results, samplers, problems, OptunaFigures.load(), seedOffset,
                seeds, trials, threads, minutes);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static Result run(ExecutorService pool, String sampler, Problem problem, int seedOffset, int seeds,
            int trials) throws Exception {
        List<Future<double[]>> futures = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            long s = seedOffset + seed;
            futures.add(pool.submit(() -> runOne(sampler, problem, s, trials)));
        }
        double[][] regrets = new double[CHECKPOINTS.length][seeds];
        for (int seed = 0; seed < seeds; seed++) {
            double[] r = futures.get(seed).get();
            for (int c = 0; c < CHECKPOINTS.length; c++) {
                regrets[c][seed] = r[c];
            }
        }
        return new Result(sampler, problem, regrets);
    }

    /** One study; the regret after each checkpoint. */
    static double[] runOne(String sampler, Problem problem, long seed, int trials) {
        List<Direction> dirs = List.of(problem.direction());
        try (Study study = Study.builder().direction(problem.direction())
                .sampler(Samplers.byName(sampler, dirs, seed)).pruner(new NopPruner()).build()) {
            study.optimize(problem::evaluate, trials);
            double[] out = new double[CHECKPOINTS.length];
            double best = Double.NaN;
            int c = 0;
            for (FrozenTrial t : study.trials()) {
                if (t.state() == TrialState.COMPLETE && (Double.isNaN(best)
                        || problem.direction().isBetter(t.value(), best))) {
                    best = t.value();
                }
                while (c < CHECKPOINTS.length && t.number() + 1 == CHECKPOINTS[c]) {
                    out[c++] = problem.regret(best);
                }
            }
            while (c < CHECKPOINTS.length) {
                out[c++] = problem.regret(best);
            }
            return out;
        }
    }

    /** numpy's default (linear) percentile. */
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, v.length - 1);
        return v[i] + (pos - i) * (v[j] - v[i]);
    }

    static String cell(double[] values) {
        return fmt(quantile(values, 0.5)) + " [" + fmt(quantile(values, 0.25)) + ", " + fmt(quantile(values, 0.75))
                + "]";
    }

    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v).replace("e+0", "e+").replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** The results as Markdown; {@code arguments} (this run's, {@code --out} included) go into its command. */
    private static String report(String arguments, List<Result> results, List<String> samplers,
            List<Problem> problems, OptunaFigures optuna, int seedOffset, int seeds, int trials, int threads,
            double minutes) {
        StringBuilder md = new StringBuilder();
        md.append("# Sample efficiency: hpo beside Optuna\n\n");
        md.append(Args.regenerate("sample-efficiency", arguments));
        md.append("Problems and optima from `problems.json`; ").append(seeds).append(" seeds (").append(seedOffset)
                .append("..").append(seedOffset + seeds - 1).append(") × ").append(trials)
                .append(" trials per problem and sampler, in-memory storage, no pruner. The 50 and 100 figures are read "
                        + "from the same runs. Regret = best so far minus the optimum. Cells: median [25th, 75th "
                        + "percentile] over the seeds (numpy's linear percentile). Optuna's columns are copied from "
                        + "`optuna-figures.md` (Optuna 5.0.0.dev). hpo samplers are named as `Samplers.byName` knows "
                        + "them. Run on ").append(LocalDate.now()).append(", ").append(threads)
                .append(" worker thread(s), ").append(String.format(Locale.ROOT, "%.1f", minutes))
                .append(" minutes. hpo and Optuna draw from different random generators, so equal seeds are "
                        + "unrelated runs; `seed-sensitivity.md` shows how far a 20-seed median moves with the seed set "
                        + "alone (for Optuna too).\n\n");
        for (String sampler : samplers) {
            int wins = 0;
            for (Problem p : problems) {
                Result r = find(results, sampler, p);
                if (quantile(r.regrets()[1], 0.5) <= optuna.regretMedian(100, p.name(), "tpe")) {
                    wins++;
                }
            }
            md.append("- `").append(sampler).append("`: median regret after 100 trials at or below Optuna's `tpe` on **")
                    .append(wins).append(" of ").append(problems.size()).append("** problems.\n");
        }
        md.append('\n');
        for (int c = 0; c < CHECKPOINTS.length; c++) {
            int n = CHECKPOINTS[c];
            md.append("## Regret after ").append(n).append(" trials\n\n| problem |");
            for (String s : samplers) {
                md.append(" hpo ").append(s).append(" |");
            }
            for (String o : OPTUNA_COLUMNS) {
                md.append(" Optuna ").append(o).append(" |");
            }
            if (n == 100) {
                for (String s : samplers) {
                    md.append(" hpo ").append(s).append(" ≤ Optuna tpe? |");
                }
            }
            md.append("\n|---|");
            int columns = samplers.size() + OPTUNA_COLUMNS.length + (n == 100 ? samplers.size() : 0);
            md.append("---|".repeat(columns)).append('\n');
            for (Problem p : problems) {
                md.append("| ").append(p.name()).append(" |");
                for (String s : samplers) {
                    md.append(' ').append(cell(find(results, s, p).regrets()[c])).append(" |");
                }
                for (String o : OPTUNA_COLUMNS) {
                    md.append(' ').append(optuna.regretCell(n, p.name(), o)).append(" |");
                }
                if (n == 100) {
                    double target = optuna.regretMedian(100, p.name(), "tpe");
                    for (String s : samplers) {
                        boolean ok = quantile(find(results, s, p).regrets()[c], 0.5) <= target;
                        md.append(ok ? " yes |" : " no |");
                    }
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static Result find(List<Result> results, String sampler, Problem p) {
        for (Result r : results) {
            if (r.sampler().equals(sampler) && r.problem() == p) {
                return r;
            }
        }
        throw new IllegalStateException("no result for " + sampler + " on " + p.name());
    }
}
