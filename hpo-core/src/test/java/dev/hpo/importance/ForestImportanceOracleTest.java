package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Study;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * fANOVA and mean decrease impurity against Optuna 5.0.0's {@code FanovaImportanceEvaluator} and
 * {@code MeanDecreaseImpurityImportanceEvaluator} (scikit-learn 1.9.1) on the studies of {@link OptunaForestFixtures}.
 * The forests differ (smile and scikit-learn, other random streams), so the numbers cannot match to the digit; what
 * must hold is the ranking of the parameters and each share within {@value #ABSOLUTE} of Optuna's, and, for shares
 * under 0.05, within a factor {@value #RATIO} (hpo is within 1.17 of Optuna on each; an irrelevant parameter's MDI was
 * 1.43 times too small while smile broke ties between equally good splits by column order). Optuna's figures are the
 * means over forest seeds 0..9 printed by {@code python hpo-bench/optuna/fanova_oracle.py 10 mixed logcat} (spreads,
 * one seed's standard deviation: at most 0.004 on the mixed study, 0.03 on logcat); hpo's are means over its seeds 0..9
 * ({@link ImportanceVsOptuna} prints them; results/importance-vs-optuna.md has both).
 *
 * <p>On the log-scaled study hpo's fANOVA is compared with Optuna's own {@code _Fanova} run in hpo's coordinates
 * (the script's "hpo's measure" line), since {@link FanovaImportance} deliberately integrates a log parameter in log
 * space where Optuna integrates raw values: there Optuna's evaluator itself gives lr 0.68, opt 0.15, drop 0.09,
 * units 0.08.
 */
class ForestImportanceOracleTest {

    private static final double ABSOLUTE = 0.02;
    private static final double RATIO = 1.35;
    private static final int SEEDS = 10;

    @Test
    void fanovaOnTheMixedStudyRanksAndSharesAsOptuna() {
        assertAgrees(Map.of("x", 0.9342, "c", 0.0333, "k", 0.0206, "w", 0.0090, "z", 0.0029),
                meanOverSeeds(OptunaForestFixtures.mixed(), FanovaImportance::new));
    }

    @Test
    void meanDecreaseImpurityOnTheMixedStudyRanksAndSharesAsOptuna() {
        assertAgrees(Map.of("x", 0.8522, "c", 0.0541, "k", 0.0438, "w", 0.0316, "z", 0.0183),
                meanOverSeeds(OptunaForestFixtures.mixed(), MeanDecreaseImpurityImportance::new));
    }

    @Test
    void fanovaOnTheLogStudyRanksAndSharesAsOptunaInLogCoordinates() {
        assertAgrees(Map.of("lr", 0.7981, "units", 0.1117, "opt", 0.0792, "drop", 0.0110),
                meanOverSeeds(OptunaForestFixtures.logCategorical(), FanovaImportance::new));
    }

    @Test
    void meanDecreaseImpurityOnTheLogStudyRanksAndSharesAsOptuna() {
        assertAgrees(Map.of("lr", 0.7274, "units", 0.1295, "opt", 0.0951, "drop", 0.0480),
                meanOverSeeds(OptunaForestFixtures.logCategorical(), MeanDecreaseImpurityImportance::new));
    }

    /**
     * Twin parameters split equally well everywhere. scikit-learn tries the features in a random order at each node
     * and keeps the first best, so Optuna gives each about half (fANOVA a 0.473, MDI a 0.474, {@code
     * fanova_oracle.py 10 twins}); smile, trying them in column order, would give a, the first name, everything.
     */
    @Test
    void twinParametersShareTheirSplitsAsInOptuna() {
        Study twins = OptunaForestFixtures.twins();
        assertEquals(0.473, meanOverSeeds(twins, FanovaImportance::new).get("a"), 0.1);
        assertEquals(0.474, meanOverSeeds(twins, MeanDecreaseImpurityImportance::new).get("a"), 0.1);
    }

    private static Map<String, Double> meanOverSeeds(Study study, LongFunction<ImportanceEvaluator> evaluator) {
        Map<String, Double> mean = new HashMap<>();
        for (int seed = 0; seed < SEEDS; seed++) {
            evaluator.apply(seed).evaluate(study)
                    .forEach((name, share) -> mean.merge(name, share / SEEDS, Double::sum));
        }
        return mean;
    }

    private static void assertAgrees(Map<String, Double> optuna, Map<String, Double> hpo) {
        assertEquals(ranking(optuna), ranking(hpo), "hpo " + hpo + ", Optuna " + optuna);
        optuna.forEach((name, expected) -> {
            double actual = hpo.get(name);
            assertEquals(expected, actual, ABSOLUTE, name + ": hpo " + hpo + ", Optuna " + optuna);
            if (expected < 0.05) {
                assertTrue(actual / expected <= RATIO && expected / actual <= RATIO,
                        name + " off by more than a factor " + RATIO + ": hpo " + hpo + ", Optuna " + optuna);
            }
        });
    }

    private static List<String> ranking(Map<String, Double> shares) {
        List<String> names = new ArrayList<>(shares.keySet());
        names.sort((a, b) -> Double.compare(shares.get(b), shares.get(a)));
        return names;
    }
}
