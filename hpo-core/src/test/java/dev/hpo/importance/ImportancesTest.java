package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportancesTest {

    @Test
    void defaultEvaluatorIsPedAnova() {
        assertInstanceOf(PedAnovaImportance.class, Importances.defaultEvaluator());
    }

    @Test
    void ofStudyUsesTheDefaultEvaluator() {
        var study = SyntheticStudies.dominantX(50, Direction.MINIMIZE);
        assertEquals(new PedAnovaImportance().evaluate(study), Importances.of(study));
    }

    @Test
    void aStudyWithOneCompletedTrialGetsEqualSharesAsInOptuna() {
        Study study = Study.builder().build();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 0, 3), 1);
        assertEquals(Map.of("n", 0.5, "x", 0.5), Importances.of(study));
    }

    /** Optuna's normalize=False: PED-ANOVA's scaled divergences, whose sum says how strong the effects are. */
    @Test
    void withoutNormalizingTheImportancesAreTheEvaluatorsRawScores() {
        Study study = SyntheticStudies.dominantX(60, Direction.MINIMIZE);
        PedAnovaImportance evaluator = new PedAnovaImportance();
        Map<String, Double> raw = Importances.of(study, evaluator, null, null, false);
        assertEquals(evaluator.evaluateRaw(study, null, null), raw);
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(Math.abs(sum - 1) > 0.01, raw::toString);
        Map<String, Double> normalized = Importances.of(study, evaluator, null, null, true);
        assertEquals(List.copyOf(normalized.keySet()), List.copyOf(raw.keySet()));
        raw.forEach((name, value) -> assertEquals(value / sum, normalized.get(name), 1e-15));
    }

    @Test
    void withoutNormalizingFanovaGivesFractionsOfVarianceThatSumToAtMostOne() {
        Study study = SyntheticStudies.dominantX(60, Direction.MINIMIZE);
        Map<String, Double> raw = Importances.of(study, new FanovaImportance(3), null, null, false);
        double sum = raw.values().stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum > 0.5 && sum <= 1 + 1e-12, raw::toString);
        assertEquals(new FanovaImportance(3).evaluate(study), Importances.of(study, new FanovaImportance(3), null,
                null, true));
    }

    @Test
    void aNullEvaluatorIsTheDefaultOne() {
        Study study = SyntheticStudies.dominantX(30, Direction.MINIMIZE);
        assertEquals(new PedAnovaImportance().evaluateRaw(study, List.of("x", "y"), null),
                Importances.of(study, null, List.of("x", "y"), null, false));
    }

    /** An evaluator of one's own that has no raw scale answers its normalized importances when asked for raw ones. */
    @Test
    void anEvaluatorWithoutRawImportancesGivesItsNormalizedOnes() {
        Study study = SyntheticStudies.dominantX(10, Direction.MINIMIZE);
        ImportanceEvaluator constant = (s, params, target) -> Map.of("x", 1.0);
        assertEquals(Map.of("x", 1.0), Importances.of(study, constant, null, null, false));
    }

    @Test
    void rawImportancesAreOrderedFromTheMostImportantLikeOptunas() {
        Map<String, Double> ranked = Importances.ranked(List.of("b", "a", "c", "d"), new double[] {0.0, 0.0, 2.0, 1.0});
        assertEquals(List.of("c", "d", "a", "b"), List.copyOf(ranked.keySet()));
    }

    @Test
    void normalizingAllZerosGivesEveryParameterTheSameShareAndKeepsTheOrder() {
        Map<String, Double> zeros = Importances.ranked(List.of("b", "a"), new double[2]);
        Map<String, Double> normalized = Importances.normalized(zeros);
        assertEquals(Map.of("a", 0.5, "b", 0.5), normalized);
        assertEquals(List.of("a", "b"), List.copyOf(normalized.keySet()));
    }
}
