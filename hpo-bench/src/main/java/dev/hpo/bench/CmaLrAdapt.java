package dev.hpo.bench;

import dev.hpo.Study;
import dev.hpo.sampler.CmaEsSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * CMA-ES with and without learning-rate adaptation ({@code CmaEsSampler.Builder.lrAdapt}) on the problems it was made
 * for and on an easy one: a 10-dimensional sphere and Rastrigin function on [−5.12, 5.12]¹⁰, both with their
 * optimum at 3 in every coordinate (off the centre, where CMA-ES starts), without noise and with Gaussian noise of
 * standard deviation 10 added to every value the sampler sees. Per case, {@value #SEEDS} seeds: the best noiseless
 * value among the points the run evaluated.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl hpo-bench -am compile exec:exec@cma-lr-adapt
 * -Dexec.skip=true -Dexec.executable=java}; writes {@code results/cmaes-lr-adapt.md} (relative to {@code hpo-bench},
 * or the file {@code --out} names).
 */
public final class CmaLrAdapt {

    private static final int SEEDS = 6;
    private static final int DIMENSIONS = 10;

    private CmaLrAdapt() {
    }

    private record Case(String problem, double noise, int trials) {
    }

    public static void main(String[] rawArgs) throws IOException {
        Path out = Args.out(rawArgs, Path.of("results", "cmaes-lr-adapt.md"));
        StringBuilder md = new StringBuilder("# CMA-ES with learning-rate adaptation\n\n"
                + "Written by `dev.hpo.bench.CmaLrAdapt` on " + LocalDate.now() + ". CMA-ES (IPOP restarts as always)"
                + " with and without `lrAdapt(true)` (Optuna's `lr_adapt`, LRA-CMA-ES of Nomura, Akimoto and Ono, GECCO"
                + " 2023), " + DIMENSIONS + " dimensions on [−5.12, 5.12], optimum at 3 in every coordinate, " + SEEDS
                + " seeds. Cells: the best noiseless value among the evaluated points, median [min, max] over the"
                + " seeds, and in how many seeds LRA was better than plain CMA-ES on the same seed.\n\n"
                + "| problem | noise (sd) | trials | plain CMA-ES | LRA-CMA-ES | LRA better |\n|---|---|---|---|---|---|\n");
        for (Case c : new Case[] {new Case("sphere", 0, 1000), new Case("sphere", 10, 3000),
                new Case("rastrigin", 0, 20000), new Case("rastrigin", 10, 5000)}) {
            double[] plain = new double[SEEDS];
            double[] adapted = new double[SEEDS];
            int better = 0;
            for (int seed = 0; seed < SEEDS; seed++) {
                plain[seed] = run(c, seed, false);
                adapted[seed] = run(c, seed, true);
                better += adapted[seed] < plain[seed] ? 1 : 0;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d of %d |%n", c.problem(),
                    c.noise() == 0 ? "none" : Double.toString(c.noise()), c.trials(), summary(plain), summary(adapted),
                    better, SEEDS));
        }
        Files.writeString(out, md);
        System.out.println("wrote " + out);
    }

    private static double run(Case c, int seed, boolean lrAdapt) {
        SplittableRandom noise = new SplittableRandom(1000 + seed);
        double[] best = {Double.POSITIVE_INFINITY};
        try (Study study = Study.builder().sampler(CmaEsSampler.builder().seed(seed).lrAdapt(lrAdapt).build())
                .build()) {
            study.optimize(t -> {
                double f = 0;
                for (int i = 0; i < DIMENSIONS; i++) {
                    double v = t.suggestFloat("x" + i, -5.12, 5.12) - 3;
                    f += c.problem().equals("sphere") ? v * v : v * v - 10 * Math.cos(2 * Math.PI * v) + 10;
                }
                best[0] = Math.min(best[0], f);
                return f + c.noise() * gaussian(noise);
            }, c.trials());
        }
        return best[0];
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static String summary(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(Locale.ROOT, "%.3g [%.3g, %.3g]", median, v[0], v[v.length - 1]);
    }
}
