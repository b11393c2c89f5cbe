package dev.hpo.importance;

import dev.hpo.Study;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * hpo's fANOVA and mean decrease impurity on the studies of {@code hpo-bench/optuna/fanova_oracle.py}
 * ({@link OptunaForestFixtures}), averaged over forest seeds 0..n-1 and printed as that script prints Optuna's (mean ±
 * standard deviation of each parameter's share), for {@code hpo-bench/results/importance-vs-optuna.md}. A main in the
 * tests, beside the fixtures it shares with {@link ForestImportanceOracleTest}.
 *
 * <p>Run from the repository root, after {@code mvn -q -o -pl hpo-core test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp}: {@code java -cp
 * hpo-core/target/test-classes:hpo-core/target/classes:$(cat hpo-core/target/test.cp)
 * dev.hpo.importance.ImportanceVsOptuna 10}; arguments: the number of seeds, then the studies (default all four).
 */
public final class ImportanceVsOptuna {

    private ImportanceVsOptuna() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<String> fixtures = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("mixed", "logcat", "outlier", "twins");
        Map<String, Study> studies = Map.of("mixed", OptunaForestFixtures.mixed(), "logcat",
                OptunaForestFixtures.logCategorical(), "outlier", OptunaForestFixtures.outlier(), "twins",
                OptunaForestFixtures.twins());
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
}
