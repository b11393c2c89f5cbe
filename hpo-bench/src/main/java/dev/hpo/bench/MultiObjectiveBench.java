package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.MultiObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.multi.Hypervolume;
import dev.hpo.sampler.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Multi-objective sample efficiency: ZDT1 and ZDT2 (Zitzler, Deb and Thiele 2000) with 6 variables in [0, 1] and
 * two objectives, 200 trials, and DTLZ2 (Deb, Thiele, Laumanns and Zitzler 2002) with 7 variables and three
 * objectives, 600 trials; 20 seeds each. Cells are the median and quartiles of the hypervolume of each sampler's
 * Pareto front against a reference point every point of the space dominates. Writes
 * {@code hpo-bench/results/multi-objective.md}.
 *
 * <p>Run from the repository root ({@code -Dexec.skip=true} keeps exec off the other reactor modules, hpo-bench
 * switches it back on): {@code mvn -B -q -pl hpo-bench -am compile exec:exec@multi-objective -Dexec.skip=true
 * -Dexec.executable=java -Dbench.args="tpe nsga2 nsga3 auto random"}; the arguments are sampler names as
 * {@code Samplers.byName} knows them, and options for a shorter run (the GP costs far more per trial than the
 * others): {@code seeds=N} (default 20), {@code problems=zdt1,dtlz2} (default all three), {@code dtlz2-checkpoints=a,b,c}
 * (default 100,300,600: DTLZ2 runs to the last) and {@code out=FILE} (default
 * {@code results/multi-objective.md}, relative to hpo-bench). A last column gives each sampler's time per trial
 * around the middle checkpoint: the time between the completions of the trials 5 before and 5 after it, over 10,
 * median over the seeds.
 */
public final class MultiObjectiveBench {

    /** Trials on each side of the middle checkpoint over which the time per trial is measured. */
    private static final int TIMING_HALF_WINDOW = 5;

    private record Problem(String name, int trials, int[] checkpoints, double[] reference,
            MultiObjectiveFunction function) {
        int objectives() {
            return reference.length;
        }
    }

    private static Problem zdt(String name, boolean convex) {
        int variables = 6;
        return new Problem(name, 200, new int[] {50, 100, 200}, new double[] {1.1, 11}, trial -> {
            double[] x = new double[variables];
            for (int i = 0; i < variables; i++) {
                x[i] = trial.suggestFloat("x" + (i + 1), 0, 1);
            }
            double g = 1 + 9 * Arrays.stream(x, 1, variables).sum() / (variables - 1);
            double ratio = x[0] / g;
            double h = convex ? 1 - Math.sqrt(ratio) : 1 - ratio * ratio;
            return new double[] {x[0], g * h};
        });
    }

    /** DTLZ2 with three objectives: the front is the positive octant of the unit sphere. */
    private static Problem dtlz2(int[] checkpoints) {
        return new Problem("dtlz2 (3 objectives)", checkpoints[checkpoints.length - 1], checkpoints,
                new double[] {1.1, 1.1, 1.1},
                trial -> {
                    double[] x = new double[7];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = trial.suggestFloat("x" + (i + 1), 0, 1);
                    }
                    double g = 0;
                    for (int i = 2; i < x.length; i++) {
                        g += (x[i] - 0.5) * (x[i] - 0.5);
                    }
                    double a = x[0] * Math.PI / 2;
                    double b = x[1] * Math.PI / 2;
                    return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b),
                            (1 + g) * Math.sin(a)};
                });
    }

    private MultiObjectiveBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> samplers = new ArrayList<>();
        int seeds = 20;
        int[] dtlz2Checkpoints = {100, 300, 600};
        List<String> problemNames = List.of("zdt1", "zdt2", "dtlz2");
        Path out = Path.of("results", "multi-objective.md");
        for (String a : Args.split(args)) {
            String[] kv = a.split("=", 2);
            switch (kv.length == 2 ? kv[0] : "") {
                case "seeds" -> seeds = Integer.parseInt(kv[1]);
                case "dtlz2-checkpoints" -> dtlz2Checkpoints = Arrays.stream(kv[1].split(","))
                        .mapToInt(Integer::parseInt).sorted().toArray();
                case "problems" -> problemNames = List.of(kv[1].split(","));
                case "out" -> out = Path.of(kv[1]);
                case "" -> samplers.add(a);
                default -> throw new IllegalArgumentException("unknown option '" + a
                        + "'; options are seeds=N, problems=zdt1,zdt2,dtlz2, dtlz2-checkpoints=a,b,c, "
                        + "out=FILE");
            }
        }
        if (samplers.isEmpty()) {
            samplers = List.of("tpe", "nsga2", "nsga3", "auto", "random");
        }
        List<Problem> problems = new ArrayList<>();
        for (String name : problemNames) {
            problems.add(switch (name) {
                case "zdt1" -> zdt("zdt1", true);
                case "zdt2" -> zdt("zdt2", false);
                case "dtlz2" -> dtlz2(dtlz2Checkpoints);
                default -> throw new IllegalArgumentException("unknown problem '" + name + "'; known: zdt1, zdt2, dtlz2");
            });
        }
        StringBuilder md = new StringBuilder();
        md.append("# Multi-objective sample efficiency: ZDT1, ZDT2 and DTLZ2\n\n")
                .append("Written by `dev.hpo.bench.MultiObjectiveBench` on ").append(LocalDate.now())
                .append(". ZDT1 (convex front) and ZDT2 (concave front): 6 variables in [0, 1], two objectives, ")
                .append("200 trials, reference point (1.1, 11); the ideal front's hypervolume is 32/3 + 1.1 ≈ 11.77 ")
                .append("(ZDT1) and 31/3 + 1.1 ≈ 11.43 (ZDT2). DTLZ2: 7 variables in [0, 1], three objectives, ")
                .append(dtlz2Checkpoints[dtlz2Checkpoints.length - 1]).append(" ")
                .append("trials, reference point (1.1, 1.1, 1.1); the ideal front's hypervolume is 1.331 − π/6 ≈ ")
                .append("0.8074. All objectives minimized; ").append(seeds).append(" seeds (0..").append(seeds - 1)
                .append(") per sampler, in-memory storage. Cells: hypervolume of the Pareto front of the trials so ")
                .append("far, median [25th, 75th percentile] over the seeds; higher is better. `auto` is the default ")
                .append("sampler of a multi-objective study. Samplers are named as `Samplers.byName` knows them. ")
                .append("The last column is the time per trial around the middle checkpoint (10 trials), median over ")
                .append("the seeds, on a machine shared with other work.\n\n")
                .append("Regenerate (from the repository root):\n\n```\nmvn -B -q -pl hpo-bench -am compile ")
                .append("exec:exec@multi-objective -Dexec.skip=true -Dexec.executable=java -Dbench.args=\"")
                .append(String.join(" ", Args.split(args))).append("\"\n```\n\n");
        long start = System.nanoTime();
        for (Problem p : problems) {
            md.append("## ").append(p.name()).append("\n\n| sampler |");
            for (int c : p.checkpoints()) {
                md.append(" after ").append(c).append(" trials |");
            }
            int middle = p.checkpoints()[p.checkpoints().length / 2];
            md.append(" ms/trial near trial ").append(middle).append(" |\n|---|");
            md.append("---|".repeat(p.checkpoints().length + 1)).append('\n');
            Direction[] minimize = new Direction[p.objectives()];
            Arrays.fill(minimize, Direction.MINIMIZE);
            for (String sampler : samplers) {
                double[][] hv = new double[p.checkpoints().length][seeds];
                double[] millisPerTrial = new double[seeds];
                for (int seed = 0; seed < seeds; seed++) {
                    Study study = Study.builder().directions(minimize)
                            .sampler(Samplers.byName(sampler, List.of(minimize), (long) seed)).build();
                    study.optimizeMulti(p.function(), p.trials());
                    List<double[]> points = new ArrayList<>();
                    study.trials().forEach(t -> points.add(t.values().stream().mapToDouble(Double::doubleValue)
                            .toArray()));
                    Instant before = study.trials().get(middle - 1 - TIMING_HALF_WINDOW).complete();
                    Instant after = study.trials().get(middle - 1 + TIMING_HALF_WINDOW).complete();
                    millisPerTrial[seed] = Duration.between(before, after).toNanos() / 1e6 / (2 * TIMING_HALF_WINDOW);
                    for (int k = 0; k < p.checkpoints().length; k++) {
                        hv[k][seed] = Hypervolume.of(points.subList(0, p.checkpoints()[k]).toArray(double[][]::new),
                                p.reference());
                    }
                }
                md.append("| ").append(sampler).append(" |");
                for (double[] values : hv) {
                    Arrays.sort(values);
                    md.append(String.format(Locale.ROOT, " %.4g [%.4g, %.4g] |", quantile(values, 0.5),
                            quantile(values, 0.25), quantile(values, 0.75)));
                }
                Arrays.sort(millisPerTrial);
                md.append(String.format(Locale.ROOT, " %.3g |", quantile(millisPerTrial, 0.5))).append('\n');
                System.out.println(p.name() + " " + sampler + " done at " + (System.nanoTime() - start) / 1_000_000_000 + " s");
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "Run time %.1f s on %d cores.%n", (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors()));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, md.toString());
        System.out.println("wrote " + out);
    }

    /** Linear interpolation between order statistics (numpy's default). */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
