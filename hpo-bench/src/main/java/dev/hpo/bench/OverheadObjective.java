package dev.hpo.bench;

import dev.hpo.Trial;
import java.util.List;

/**
 * The 10-parameter objective of Optuna's per-trial overhead figures ({@code optuna-figures.md}): the sum of its
 * parameters, so that a trial costs only what the framework and the sampler cost.
 */
final class OverheadObjective {

    private OverheadObjective() {
    }

    static double evaluate(Trial t) {
        double f1 = t.suggestFloat("f1", -10, 10);
        double f2 = t.suggestFloat("f2", 0, 1);
        double f3 = t.suggestFloat("f3", 1e-5, 1, true);
        double f4 = t.suggestFloat("f4", -1, 1, 0.1);
        int i1 = t.suggestInt("i1", 0, 100);
        int i2 = t.suggestInt("i2", 1, 1024, true);
        int i3 = t.suggestInt("i3", 0, 20, 2);
        String c1 = t.suggestCategorical("c1", List.of("a", "b", "c"));
        int c2 = t.suggestCategorical("c2", List.of(1, 2, 4, 8));
        boolean c3 = t.suggestCategorical("c3", List.of(true, false));
        return f1 + f2 + f3 + f4 + i1 + i2 + i3 + c1.length() + c2 + (c3 ? 1 : 0);
    }
}
