package dev.hpo.bench;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.pruner.MedianPruner;
import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.GpSampler;
import dev.hpo.sampler.Sampler;
import dev.hpo.sampler.TpeSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * How the model-based samplers cope with an objective that fails (throws) in part of the space. The objective is
 * (x − 1)² + y² + ½(z − 0.3)² on [−2, 2]³, and it throws: nowhere ({@code none}); where x > 0.5, so that the
 * optimum (regret measured against 0.25) lies on the edge of the failing region, as the largest learning rate that
 * does not diverge would ({@code edge}); where x &lt; −1, far from the optimum ({@code far}); in a ball of radius 0.3
 * around the unconstrained optimum (optimum 0.09 on its surface, {@code ball}); on a random 20 % of trials whatever
 * the point, as a flaky machine would ({@code flaky}). And one case without failures where the median pruner stops
 * trials instead ({@code pruned}): the objective reports a learning curve, f + 2/(step + 1) for steps 0..9, so the
 * best final value is 0.2. Per sampler and case, 20 seeds of {@value #TRIALS} trials: the median and quartiles of
 * the best value's regret, the median number of failed (in {@code pruned}: pruned) trials, and how many of those
 * repeated an earlier such point (to 1e-4).
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl hpo-bench -am compile exec:exec@failed-trials
 * -Dexec.skip=true -Dexec.executable=java}; writes the table of {@code results/failed-trials.md} (relative to
 * {@code hpo-bench}, or the file {@code --out} names), keeping the sections below it.
 */
public final class FailedTrials {

    static final int TRIALS = 60;
    private static final int SEEDS = 20;
    private static final List<String> CASES = List.of("none", "edge", "far", "ball", "flaky", "pruned");

    private FailedTrials() {
    }

    public static void main(String[] rawArgs) throws IOException {
        Path out = Args.out(rawArgs, Path.of("results", "failed-trials.md"));
        StringBuilder table = new StringBuilder("| sampler | case | regret, median [25th, 75th] | failed (pruned)"
                + " trials, median [max] | such points repeated |\n|---|---|---|---|---|\n");
        row(table, "tpe", TpeSampler::new);
        row(table, "gp", GpSampler::new);
        String md = "# Samplers and an objective that fails in part of the space\n\n"
                + "Written by `dev.hpo.bench.FailedTrials` on " + LocalDate.now() + " (the cases and the command are"
                + " in its javadoc):\n" + SEEDS + " seeds of " + TRIALS + " trials per sampler and case.\n\n" + table;
        Files.writeString(out, md + keptSections(out));
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The sections ({@code ## …}) of an existing results file, which are kept by hand: the runner writes above them. */
    private static String keptSections(Path out) throws IOException {
        if (!Files.isRegularFile(out)) {
            return "";
        }
        String old = Files.readString(out);
        int at = old.indexOf("\n## ");
        return at < 0 ? "" : old.substring(at);
    }

    private static void row(StringBuilder table, String name, LongFunction<Sampler> sampler) {
        for (String c : CASES) {
            double[] regrets = new double[SEEDS];
            int[] failures = new int[SEEDS];
            int repeated = 0;
            for (int seed = 0; seed < SEEDS; seed++) {
                boolean pruning = c.equals("pruned");
                Study study = Study.builder().sampler(sampler.apply(seed))
                        .pruner(pruning ? new MedianPruner() : new NopPruner()).build();
                long flakySeed = seed;
                study.optimize(t -> {
                    double x = t.suggestFloat("x", -2, 2);
                    double y = t.suggestFloat("y", -2, 2);
                    double z = t.suggestFloat("z", -2, 2);
                    if (fails(c, x, y, new SplittableRandom(t.number() * 31L + flakySeed * 7919L))) {
                        throw new IllegalStateException("the objective failed here");
                    }
                    double f = (x - 1) * (x - 1) + y * y + 0.5 * (z - 0.3) * (z - 0.3);
                    if (!pruning) {
                        return f;
                    }
                    for (int step = 0; step < 9; step++) {
                        t.report(step, f + 2.0 / (step + 1));
                        if (t.shouldPrune()) {
                            throw new TrialPruned();
                        }
                    }
                    return f + 0.2;
                }, TRIALS);
                TrialState stopped = pruning ? TrialState.PRUNED : TrialState.FAIL;
                List<FrozenTrial> failed = study.trials().stream().filter(t -> t.state() == stopped).toList();
                long distinct = failed.stream().map(t -> List.of(Math.round((Double) t.params().get("x") * 1e4),
                        Math.round((Double) t.params().get("y") * 1e4), Math.round((Double) t.params().get("z") * 1e4)))
                        .distinct().count();
                repeated += failed.size() - (int) distinct;
                failures[seed] = failed.size();
                regrets[seed] = study.bestValue() - optimum(c);
            }
            Arrays.sort(regrets);
            Arrays.sort(failures);
            String line = String.format(Locale.ROOT, "| %s | %s | %.3g [%.3g, %.3g] | %d [%d] | %d |%n", name, c,
                    median(regrets), regrets[SEEDS / 4], regrets[3 * SEEDS / 4],
                    failures[SEEDS / 2], failures[SEEDS - 1], repeated);
            table.append(line);
            System.out.print(line);
        }
    }

    private static boolean fails(String c, double x, double y, SplittableRandom flaky) {
        return switch (c) {
            case "edge" -> x > 0.5;
            case "far" -> x < -1;
            case "ball" -> (x - 1) * (x - 1) + y * y < 0.09;
            case "flaky" -> flaky.nextDouble() < 0.2;
            default -> false;
        };
    }

    private static double optimum(String c) {
        return switch (c) {
            case "edge" -> 0.25;
            case "ball" -> 0.09;
            case "pruned" -> 0.2;
            default -> 0;
        };
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
