package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.terminator.Terminator;
import dev.hpo.terminator.TerminatorCallback;
import java.util.List;

/** Studies that exercise every plot, with hostile names where users choose names. */
final class ReportFixtures {

    static final String HOSTILE = "<script>alert(1)</script> & co";

    private ReportFixtures() {
    }

    /** A single-objective study of six parameters with pruned and failed trials and hostile strings. */
    static Study single(int trials) {
        Study study = Study.builder().name("svm " + HOSTILE).direction(Direction.MINIMIZE)
                .sampler(new RandomSampler(11)).build();
        study.setUserAttr("owner", "<b>me</b>");
        study.optimize(t -> {
            double x = t.suggestFloat("x", -4, 4);
            double lr = t.suggestFloat("lr", 1e-5, 1, true);
            int depth = t.suggestInt("depth", 1, 12);
            int trees = t.suggestInt("trees", 8, 1024, true);
            String kernel = t.suggestCategorical("kernel <script>&", List.of("rbf", "<script>x</script>", "a&b"));
            double dropout = t.suggestFloat("dropout", 0, 0.5, 0.05);
            if (t.number() % 23 == 5) {
                throw new IllegalStateException("diverged <script>alert('fail')</script> & stopped");
            }
            double value = x * x + Math.pow(Math.log10(lr) + 3, 2) * 0.3 + (kernel.equals("rbf") ? 0 : 1.5)
                    + 0.05 * depth + dropout + 0.01 * Math.log(trees);
            for (int step = 0; step < 8; step++) {
                t.report(step, value + 4.0 / (step + 1));
                if (t.number() % 7 == 3 && step == 3) {
                    throw new TrialPruned();
                }
            }
            return value;
        }, dev.hpo.OptimizeOptions.builder().trials(trials).catching(IllegalStateException.class).build());
        return study;
    }

    /** The name of {@link #table}'s categorical parameter. */
    static final String KERNEL = "kernel <b>";

    /**
     * A study for the trials table: values rounded to a tenth (so that many tie), a failed trial in every 37, a
     * float, an int and a categorical parameter whose name and a choice are markup.
     */
    static Study table(int trials) {
        Study study = Study.builder().name("table").sampler(new RandomSampler(7)).build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -4, 4);
            int depth = t.suggestInt("depth", 1, 12);
            String kernel = t.suggestCategorical(KERNEL, List.of("rbf", "<script>x</script>", "a&b"));
            if (t.number() % 37 == 5) {
                throw new IllegalStateException("diverged");
            }
            return Math.round(x * x * 10 + depth + (kernel.equals("rbf") ? 0 : 1)) / 10.0;
        }, dev.hpo.OptimizeOptions.builder().trials(trials).catching(IllegalStateException.class).build());
        return study;
    }

    /** A bowl searched under a terminator that never stops it, so that every judgement from the 20th trial is kept. */
    static Study terminated(int trials) {
        Study study = Study.builder().name("terminated").sampler(new RandomSampler(3)).build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return (x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6);
        }, dev.hpo.OptimizeOptions.builder().trials(trials)
                .callback(new TerminatorCallback(Terminator.byName("0.0005"))).build());
        return study;
    }

    /**
     * Values a plot must still place: infinite objective values, trials that violate a constraint, parameters that
     * only some trials have (a conditional space) and an integer range into the billions.
     */
    static Study extremes(int trials) {
        Study study = Study.builder().name("extremes").sampler(new RandomSampler(9)).build();
        study.optimize(t -> {
            String model = t.suggestCategorical("model", List.of("svm", "forest"));
            double size = model.equals("svm") ? t.suggestFloat("svm_c", 1e-3, 1e3, true)
                    : t.suggestInt("forest_depth", 1, 30);
            long rows = t.suggestLong("rows", 1_000_000, 2_000_000_000, 1, false);
            t.setConstraint("budget", rows / 1e9 - 1.5);
            if (t.number() % 9 == 4) {
                return Double.POSITIVE_INFINITY;
            }
            if (t.number() % 13 == 7) {
                return Double.NEGATIVE_INFINITY;
            }
            for (int step = 0; step < 3; step++) {
                t.report(step, step == 1 && t.number() % 5 == 0 ? Double.POSITIVE_INFINITY : size / (step + 1));
            }
            return Math.log(size) + rows / 1e9;
        }, trials);
        return study;
    }

    /** A two-objective study. */
    static Study multi(int trials) {
        Study study = Study.builder().name("trade-off").directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(5)).build();
        study.optimizeMulti(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            String mode = t.suggestCategorical("mode", List.of("fast", "slow"));
            double cost = a + (mode.equals("slow") ? 0.3 : 0);
            double quality = Math.sqrt(a) * (1 - 0.3 * b) + (mode.equals("slow") ? 0.2 : 0);
            return new double[] {cost, quality};
        }, trials);
        return study;
    }

    /** Three objectives (the report draws them pairwise), the first and last with a threshold. */
    static Study threeWay(int trials) {
        Study study = Study.builder().name("three-way")
                .directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new RandomSampler(6)).build();
        study.setMetricNames(List.of("error", "latency ms", "throughput"));
        study.optimizeMulti(t -> {
            double width = t.suggestFloat("width", 0, 1);
            double depth = t.suggestInt("depth", 1, 8);
            return new double[] {(1 - width) / depth, 10 * width * depth, 100 / (1 + depth * width)};
        }, trials);
        study.setSystemAttr(Thresholds.ATTR, List.of(0.2, "none", 40.0));
        return study;
    }
}
