package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.MultiObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.multi.Hypervolume;
import dev.hpo.sampler.Samplers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Multi-objective sample efficiency: ZDT1 and ZDT2 (Zitzler, Deb and Thiele 2000) with 6 variables in [0, 1],
 * 200 trials, 20 seeds; the median and quartiles of the hypervolume of each sampler's Pareto front against the
 * reference point (1.1, 11), which every point of the space dominates. Writes
 * {@code hpo-bench/results/multi-objective.md}.
 *
 * <p>Run from the repository root ({@code -Dexec.skip=true} keeps exec off the other reactor modules, hpo-bench
 * switches it back on): {@code mvn -B -q -pl hpo-bench -am compile exec:exec@multi-objective -Dexec.skip=true
 * -Dexec.executable=java -Dbench.args="tpe nsga2 auto random"}; the arguments are sampler names as
 * {@code Samplers.byName} knows them.
 */
public final class MultiObjectiveBench {

    private static final int VARIABLES = 6;
    private static final int TRIALS = 200;
    private static final int SEEDS = 20;
    private static final double[] REFERENCE = {1.1, 11};
    private static final int[] CHECKPOINTS = {50, 100, 200};

    private record Problem(String name, boolean convex) {
        MultiObjectiveFunction function() {
            return trial -> {
                double[] x = new double[VARIABLES];
                for (int i = 0; i < VARIABLES; i++) {
                    x[i] = trial.suggestFloat("x" + (i + 1), 0, 1);
                }
                double g = 1 + 9 * Arrays.stream(x, 1, VARIABLES).sum() / (VARIABLES - 1);
                double ratio = x[0] / g;
                double h = convex ? 1 - Math.sqrt(ratio) : 1 - ratio * ratio;
                return new double[] {x[0], g * h};
            };
        }
    }

    private MultiObjectiveBench() {
    }

    public static void main(String[] args) throws IOException {
        String[] names = Args.split(args);
        List<String> samplers = names.length > 0 ? List.of(names) : List.of("tpe", "nsga2", "auto", "random");
        List<Problem> problems = List.of(new Problem("zdt1", true), new Problem("zdt2", false));
        StringBuilder md = new StringBuilder();
        md.append("# Multi-objective sample efficiency: ZDT1 and ZDT2\n\n")
                .append("Written by `dev.hpo.bench.MultiObjectiveBench` on ").append(LocalDate.now())
                .append(". ZDT1 (convex front) and ZDT2 (concave front), 6 variables in [0, 1], both objectives ")
                .append("minimized; ").append(SEEDS).append(" seeds (0..").append(SEEDS - 1).append(") × ")
                .append(TRIALS).append(" trials per sampler, in-memory storage. Cells: hypervolume of the Pareto ")
                .append("front of the trials so far with respect to the reference point (1.1, 11), median ")
                .append("[25th, 75th percentile] over the seeds; higher is better. The ideal front's hypervolume is ")
                .append("32/3 + 1.1 ≈ 11.77 (ZDT1) and 31/3 + 1.1 ≈ 11.43 (ZDT2). `auto` is the default sampler of a multi-objective ")
                .append("study. Samplers are named as `Samplers.byName` knows them.\n\n")
                .append("Regenerate (from the repository root):\n\n```\nmvn -B -q -pl hpo-bench -am compile ")
                .append("exec:exec@multi-objective -Dexec.skip=true -Dexec.executable=java -Dbench.args=\"")
                .append(String.join(" ", samplers)).append("\"\n```\n\n");
        long start = System.nanoTime();
        for (Problem p : problems) {
            md.append("## ").append(p.name()).append("\n\n| sampler |");
            for (int c : CHECKPOINTS) {
                md.append(" after ").append(c).append(" trials |");
            }
            md.append("\n|---|");
            md.append("---|".repeat(CHECKPOINTS.length)).append('\n');
            for (String sampler : samplers) {
                double[][] hv = new double[CHECKPOINTS.length][SEEDS];
                for (int seed = 0; seed < SEEDS; seed++) {
                    List<Direction> dirs = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
                    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
                            .sampler(Samplers.byName(sampler, dirs, (long) seed)).build();
                    study.optimizeMulti(p.function(), TRIALS);
                    List<double[]> points = new ArrayList<>();
                    study.trials().forEach(t -> points.add(new double[] {t.values().get(0), t.values().get(1)}));
                    for (int k = 0; k < CHECKPOINTS.length; k++) {
                        hv[k][seed] = Hypervolume.of(points.subList(0, CHECKPOINTS[k]).toArray(double[][]::new),
                                REFERENCE);
                    }
                }
                md.append("| ").append(sampler).append(" |");
                for (double[] values : hv) {
                    Arrays.sort(values);
                    md.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", quantile(values, 0.5),
                            quantile(values, 0.25), quantile(values, 0.75)));
                }
                md.append('\n');
                System.out.println(p.name() + " " + sampler + " done");
            }
            md.append('\n');
        }
        md.append(String.format(Locale.ROOT, "Run time %.1f s on %d cores.%n", (System.nanoTime() - start) / 1e9,
                Runtime.getRuntime().availableProcessors()));
        Path out = Path.of("results", "multi-objective.md");
        Files.createDirectories(out.getParent());
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
