package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fANOVA and mean decrease impurity against Optuna 5.0.0 on the edge cases of {@code forest-edges-oracle.json}
 * (written by {@code hpo-bench/optuna/forest_edges_oracle.py}): no completed trial, one, every value infinite or
 * equal, a target NaN for some trials, a parameter only some trials have, unknown or no parameters asked for, two
 * objectives without a target. The forests are not scikit-learn's, so what must agree is the behaviour: an error where
 * Optuna raises, the same parameters, 0 where Optuna has 0 and nowhere else, equal shares where Optuna's are equal,
 * normalized and raw, in descending order.
 *
 * <p>Two departures, on purpose: where every target is equal Optuna's fANOVA raises "zero total variance in all
 * trees" and hpo's gives raw importances of 0, so equal shares ({@link FanovaImportance}); given an empty list of
 * parameters and no completed trial, Optuna fails an internal {@code assert} where its documentation promises an empty
 * map, which hpo returns.
 */
class ForestEdgeCasesOracleTest {

    private static final String ZERO_VARIANCE = "RuntimeError: Encountered zero total variance in all trees.";

    static Stream<OptunaImportanceFixture> fixture() {
        return OptunaImportanceFixture.read("forest-edges-oracle.json").stream();
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("cases")
    void behavesAsOptuna(OptunaImportanceFixture c, String evaluatorName) {
        ImportanceEvaluator evaluator = evaluatorName.equals("fanova") ? new FanovaImportance(0)
                : new MeanDecreaseImpurityImportance(0);
        for (boolean normalize : new boolean[] {true, false}) {
            Map<String, Double> optuna = normalize ? c.normalized() : c.raw();
            String error = normalize ? c.normalizedError() : c.rawError();
            if (ZERO_VARIANCE.equals(error)) {
                assertConstantTargetGivesZerosOrEqualShares(c, evaluator, normalize);
            } else if ("AssertionError: ".equals(error) && List.of().equals(c.params())) {
                assertEquals(Map.of(), c.ask(evaluator, normalize));
            } else if (optuna == null) {
                c.assertRefused(evaluator, normalize);
            } else {
                assertSameBehaviour(optuna, c.ask(evaluator, normalize), normalize);
            }
        }
    }

    static Stream<Object[]> cases() {
        return fixture().map(c -> new Object[] {c, c.evaluator()});
    }

    private static void assertSameBehaviour(Map<String, Double> optuna, Map<String, Double> hpo, boolean normalize) {
        String context = "normalize " + normalize + ": Optuna " + optuna + ", hpo " + hpo;
        assertEquals(optuna.keySet(), hpo.keySet(), context);
        assertEquals(zeros(optuna), zeros(hpo), context);
        if (optuna.size() > 1 && Set.copyOf(optuna.values()).size() == 1) {
            double share = optuna.values().iterator().next();
            hpo.values().forEach(v -> assertEquals(share, v, 1e-12, context));
        }
        if (normalize && !hpo.isEmpty()) {
            assertEquals(1.0, hpo.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12, context);
        }
        assertEquals(OptunaImportanceFixture.hpoOrder(hpo), List.copyOf(hpo.keySet()), context);
    }

    private static void assertConstantTargetGivesZerosOrEqualShares(OptunaImportanceFixture c,
            ImportanceEvaluator evaluator, boolean normalize) {
        Map<String, Double> hpo = c.ask(evaluator, normalize);
        assertEquals(Set.of("x", "y", "fixed"), hpo.keySet());
        double expected = normalize ? 1.0 / hpo.size() : 0.0;
        hpo.values().forEach(v -> assertEquals(expected, v, 1e-15, hpo::toString));
    }

    private static Set<String> zeros(Map<String, Double> importances) {
        return importances.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
