package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.sampler.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A stop-gap measurement of the CMA-ES and GP samplers on the closed-form problems of
 * {@code ../shared/bench/problems.json} until the benchmark runner lands: median [25th, 75th] regret after 50
 * and 100 trials over seeds, mean time per trial, and mean time per trial over the last 10 trials. Usage: {@code SamplerCheck <sampler> <problem|all>
 * <seeds> <trials>}.
 */
public final class SamplerCheck {

    record Problem(String name, double optimum, ObjectiveFunction f) {
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H_A = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H_P = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991}, {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    static List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        out.add(new Problem("branin", 0.3978873577297384, t -> {
            double x1 = t.suggestFloat("x1", -5, 10);
            double x2 = t.suggestFloat("x2", 0, 15);
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double s = 10;
            double tt = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + s * (1 - tt) * Math.cos(x1) + s;
        }));
        out.add(new Problem("hartmann6", -3.3223680114155147, t -> {
            double[] x = floats(t, 6, 0, 1);
            double f = 0;
            for (int i = 0; i < 4; i++) {
                double s = 0;
                for (int j = 0; j < 6; j++) {
                    s += H_A[i][j] * (x[j] - H_P[i][j]) * (x[j] - H_P[i][j]);
                }
                f -= H_ALPHA[i] * Math.exp(-s);
            }
            return f;
        }));
        out.add(new Problem("rosenbrock4", 0.0, t -> {
            double[] x = floats(t, 4, -5, 10);
            double f = 0;
            for (int i = 0; i < 3; i++) {
                f += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(x[i] - 1, 2);
            }
            return f;
        }));
        out.add(new Problem("ackley5", 0.0, t -> {
            double[] x = floats(t, 5, -32.768, 32.768);
            double s1 = 0;
            double s2 = 0;
            for (double v : x) {
                s1 += v * v;
                s2 += Math.cos(2 * Math.PI * v);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(s1 / 5)) - Math.exp(s2 / 5) + 20 + Math.E;
        }));
        out.add(new Problem("lr_valley6", 0.1, t -> {
            double lr = t.suggestFloat("lr", 1e-5, 1.0, true);
            double wd = t.suggestFloat("weight_decay", 1e-6, 0.1, true);
            int layers = t.suggestInt("layers", 1, 8);
            int units = t.suggestInt("units", 16, 1024, true);
            String opt = t.suggestCategorical("optimizer", List.of("sgd", "adam", "rmsprop"));
            double dropout = t.suggestFloat("dropout", 0.0, 0.5);
            double base = switch (opt) {
                case "sgd" -> 0.05;
                case "adam" -> 0.0;
                default -> 0.02;
            };
            double lrOpt = switch (opt) {
                case "sgd" -> -1.5;
                case "adam" -> -3.0;
                default -> -3.5;
            };
            double l2u = Math.log(units) / Math.log(2);
            return 0.1 + base + 0.08 * Math.pow(Math.log10(lr) - lrOpt, 2) + 0.03 * Math.pow(Math.log10(wd) + 4, 2)
                    + 0.004 * Math.pow(layers * l2u - 36, 2) + 0.01 * Math.pow(layers - 4, 2)
                    + 2.0 * Math.pow(dropout - 0.0625 * layers, 2);
        }));
        return out;
    }

    private static double[] floats(Trial t, int n, double lo, double hi) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.suggestFloat("x" + (i + 1), lo, hi);
        }
        return x;
    }

    public static void main(String[] args) {
        String sampler = args[0];
        String which = args[1];
        int seeds = Integer.parseInt(args[2]);
        int trials = Integer.parseInt(args[3]);
        int[] marks = {50, 100, 200};
        for (Problem p : problems()) {
            if (!which.equals("all") && !Arrays.asList(which.split(",")).contains(p.name())) {
                continue;
            }
            double[][] regret = new double[marks.length][seeds];
            long nanos = 0;
            double tailMillis = 0;
            for (int s = 0; s < seeds; s++) {
                Study study = Study.builder().direction(Direction.MINIMIZE)
                        .sampler(Samplers.byName(sampler, List.of(Direction.MINIMIZE), (long) s)).build();
                long t0 = System.nanoTime();
                study.optimize(p.f(), trials);
                nanos += System.nanoTime() - t0;
                var all = study.trials();
                int tail = Math.min(10, all.size() - 1);
                tailMillis += java.time.Duration.between(all.get(all.size() - 1 - tail).complete(),
                        all.get(all.size() - 1).complete()).toNanos() / 1e6 / tail;
                double best = Double.POSITIVE_INFINITY;
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).hasValues()) {
                        best = Math.min(best, all.get(i).value());
                    }
                    for (int m = 0; m < marks.length; m++) {
                        if (i + 1 == marks[m]) {
                            regret[m][s] = best - p.optimum();
                        }
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |", p.name(), sampler));
            for (int m = 0; m < marks.length; m++) {
                if (marks[m] > trials) {
                    line.append(" n/a |");
                    continue;
                }
                double[] r = regret[m].clone();
                Arrays.sort(r);
                line.append(String.format(Locale.ROOT, " %.3g [%.3g, %.3g] |", q(r, 0.5), q(r, 0.25), q(r, 0.75)));
            }
            line.append(String.format(Locale.ROOT, " %.1f ms | %.1f ms |", nanos / 1e6 / seeds / trials,
                    tailMillis / seeds));
            System.out.println(line);
        }
    }

    /** Linear-interpolated quantile of sorted values (numpy's default). */
    private static double q(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
