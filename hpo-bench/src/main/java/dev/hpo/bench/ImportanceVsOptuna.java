package dev.hpo.bench;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.importance.FanovaImportance;
import dev.hpo.importance.ImportanceEvaluator;
import dev.hpo.importance.MeanDecreaseImpurityImportance;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * hpo's fANOVA and mean decrease impurity on the studies of {@code hpo-bench/optuna/fanova_oracle.py}, averaged over
 * forest seeds 0..n-1 and printed as that script prints Optuna's (mean ± standard deviation of each parameter's
 * share), for {@code results/importance-vs-optuna.md}. The trials follow the script's formula: trial i has
 * {@code u_j = frac((i + 1) sqrt(P_j))}, P = 2, 3, 5, 7, 11 (hpo-core's {@code OptunaForestFixtures} builds the same
 * studies for its tests).
 *
 * <p>Run from the repository root: {@code mvn -B -q -o -pl hpo-bench -am compile exec:exec@importance-vs-optuna
 * -Dexec.skip=true -Dexec.executable=java -Dbench.args=10}; arguments: the number of seeds, then the studies
 * (default all four).
 */
public final class ImportanceVsOptuna {

    private static final int[] PRIMES = {2, 3, 5, 7, 11};
    private static final List<String> ABC = List.of("a", "b", "c");
    private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "rmsprop");
    private static final double[] OPTIMIZER_COST = {1.5, 0, 0.5};

    private ImportanceVsOptuna() {
    }

    public static void main(String[] rawArgs) {
        String[] args = Args.split(rawArgs);
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> fixtures = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("mixed", "logcat", "outlier", "twins");
        Map<String, Study> studies = Map.of("mixed", mixed(), "logcat", logCategorical(), "outlier", outlier(),
                "twins", twins());
        for (String label : fixtures) {
            Study study = studies.get(label);
            summary(label + " fANOVA", study, seeds, FanovaImportance::new);
            summary(label + " MDI", study, seeds, MeanDecreaseImpurityImportance::new);
        }
    }

    private static void summary(String label, Study study, int seeds, LongFunction<ImportanceEvaluator> evaluator) {
        List<Map<String, Double>> runs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            runs.add(evaluator.apply(seed).evaluate(study));
        }
        List<String> names = new ArrayList<>(runs.get(0).keySet());
        names.sort(Comparator.comparingDouble(n -> -mean(runs, n)));
        List<String> cells = new ArrayList<>();
        for (String n : names) {
            double m = mean(runs, n);
            double ss = 0;
            for (Map<String, Double> r : runs) {
                ss += (r.get(n) - m) * (r.get(n) - m);
            }
            cells.add(String.format("%s=%.4f±%.4f", n, m, Math.sqrt(ss / (runs.size() - 1))));
        }
        System.out.println(label + ": " + String.join(", ", cells));
    }

    private static double mean(List<Map<String, Double>> runs, String name) {
        return runs.stream().mapToDouble(r -> r.get(name)).average().orElseThrow();
    }

    private static double weyl(int i, int j) {
        double v = (i + 1) * Math.sqrt(PRIMES[j]);
        return v - Math.floor(v);
    }

    private static Study mixed() {
        return study(120, i -> {
            double x = -5 + 10 * weyl(i, 0);
            int k = 1 + (int) Math.floor(10 * weyl(i, 1));
            int c = (int) Math.floor(3 * weyl(i, 2));
            double w = weyl(i, 3);
            return FrozenTrial.builder()
                    .param("x", x, FloatDistribution.of(-5, 5))
                    .param("k", k, IntDistribution.of(1, 10))
                    .param("c", ABC.get(c), CategoricalDistribution.of(ABC))
                    .param("w", w, FloatDistribution.of(0, 1))
                    .param("z", weyl(i, 4), FloatDistribution.of(0, 1))
                    .value(x * x + 3 * c + 0.8 * k + 4 * w).build();
        });
    }

    private static Study logCategorical() {
        return study(100, i -> {
            double lr = Math.exp(Math.log(1e-5) + weyl(i, 0) * Math.log(1e4));
            long units = Math.min(256, Math.max(4, Math.round(Math.exp(Math.log(4) + weyl(i, 1) * Math.log(64)))));
            int opt = (int) Math.floor(3 * weyl(i, 2));
            double drop = 0.5 * weyl(i, 3);
            double value = Math.pow(Math.log10(lr) + 3, 2) + 0.5 * Math.abs(Math.log(units) / Math.log(2) - 6)
                    + OPTIMIZER_COST[opt] + 0.2 * drop;
            return FrozenTrial.builder()
                    .param("lr", lr, FloatDistribution.log(1e-5, 1e-1))
                    .param("units", units, IntDistribution.log(4, 256))
                    .param("opt", OPTIMIZERS.get(opt), CategoricalDistribution.of(OPTIMIZERS))
                    .param("drop", drop, FloatDistribution.of(0, 0.5))
                    .value(value).build();
        });
    }

    private static Study outlier() {
        return study(30, i -> {
            double a = weyl(i, 0);
            double b = weyl(i, 1);
            return FrozenTrial.builder()
                    .param("a", a, FloatDistribution.of(0, 1))
                    .param("b", b, FloatDistribution.of(0, 1))
                    .value(a + (b > 0.97 ? 100 : 0)).build();
        });
    }

    private static Study twins() {
        return study(40, i -> FrozenTrial.builder()
                .param("a", weyl(i, 0), FloatDistribution.of(0, 1))
                .param("b", weyl(i, 0), FloatDistribution.of(0, 1))
                .value(weyl(i, 0)).build());
    }

    private static Study study(int n, IntFunction<FrozenTrial> trial) {
        Study study = Study.builder().build();
        for (int i = 0; i < n; i++) {
            study.addTrial(trial.apply(i));
        }
        return study;
    }
}
