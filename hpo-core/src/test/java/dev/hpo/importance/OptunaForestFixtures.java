package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import java.util.function.Function;

/**
 * The studies of {@code hpo-bench/optuna/fanova_oracle.py}, rebuilt from the same formula so that the forest-based
 * evaluators can be held against Optuna 5.0.0's averages over forest seeds: trial {@code i} (0-based) has
 * {@code u_j = frac((i + 1) sqrt(P_j))} for the primes {@code P = 2, 3, 5, 7, 11} (a Weyl sequence: spread evenly,
 * and the same doubles in Java and Python). The script's docstring describes each study.
 */
final class OptunaForestFixtures {

    private static final int[] PRIMES = {2, 3, 5, 7, 11};
    private static final List<String> ABC = List.of("a", "b", "c");
    private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "rmsprop");
    private static final double[] OPTIMIZER_COST = {1.5, 0, 0.5};

    private OptunaForestFixtures() {
    }

    static double weyl(int i, int j) {
        double v = (i + 1) * Math.sqrt(PRIMES[j]);
        return v - Math.floor(v);
    }

    /** 120 trials: x dominates, c and k are moderate, w is weak, z is irrelevant. */
    static Study mixed() {
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

    /** 100 trials of a log float, a log integer, a categorical and a nearly irrelevant float. */
    static Study logCategorical() {
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

    /** 30 trials of {@code a + 100·[b > 0.97]}: one outlier, which only b isolates. */
    static Study outlier() {
        return study(30, i -> {
            double a = weyl(i, 0);
            double b = weyl(i, 1);
            return FrozenTrial.builder()
                    .param("a", a, FloatDistribution.of(0, 1))
                    .param("b", b, FloatDistribution.of(0, 1))
                    .value(a + (b > 0.97 ? 100 : 0)).build();
        });
    }

    /** 40 trials with {@code a = b} and value a: every split on one ties with the same split on the other. */
    static Study twins() {
        return study(40, i -> FrozenTrial.builder()
                .param("a", weyl(i, 0), FloatDistribution.of(0, 1))
                .param("b", weyl(i, 0), FloatDistribution.of(0, 1))
                .value(weyl(i, 0)).build());
    }

    private static Study study(int n, Function<Integer, FrozenTrial> trial) {
        Study study = Study.builder().build();
        for (int i = 0; i < n; i++) {
            study.addTrial(trial.apply(i));
        }
        return study;
    }
}
