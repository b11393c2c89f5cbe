package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PED-ANOVA's options and edge cases; its numbers against Optuna 5 are in {@link PedAnovaOracleTest}. */
class PedAnovaImportanceTest {

    @Test
    void defaultsAreOptunas() {
        PedAnovaImportance evaluator = new PedAnovaImportance();
        assertEquals(0.1, evaluator.targetQuantile());
        assertEquals(1.0, evaluator.regionQuantile());
        assertTrue(evaluator.evaluateOnLocal());
        assertEquals("PED-ANOVA(targetQuantile=0.1, regionQuantile=1.0, evaluateOnLocal=true)", evaluator.toString());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, 1.5, Double.NaN})
    void targetQuantileOutsideTheOpenUnitIntervalIsRefused(double quantile) {
        assertRefused("targetQuantile must be in (0, 1), got " + quantile,
                () -> PedAnovaImportance.builder().targetQuantile(quantile));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY})
    void regionQuantileOutsideZeroToOneIsRefused(double quantile) {
        assertRefused("regionQuantile must be in (0, 1], got " + quantile,
                () -> PedAnovaImportance.builder().regionQuantile(quantile));
    }

    @Test
    void targetQuantileMustBeBelowRegionQuantile() {
        assertRefused("targetQuantile 0.5 must be below regionQuantile 0.5",
                () -> PedAnovaImportance.builder().targetQuantile(0.5).regionQuantile(0.5).build());
        assertRefused("targetQuantile 0.1 must be below regionQuantile 0.05",
                () -> PedAnovaImportance.builder().regionQuantile(0.05).build());
    }

    @Test
    void aStudyWithOneTrialGivesEveryParameterAnEqualShare() {
        Study study = Study.builder().build();
        study.addTrial(trial(0.3, 2, 1.0));
        assertEquals(Map.of("x", 1 / 3.0, "n", 1 / 3.0, "fixed", 1 / 3.0), new PedAnovaImportance().evaluate(study));
    }

    @Test
    void whenEveryTrialTiesTheTopIsTheWholeRegionAndEveryParameterGetsAnEqualShare() {
        // the inverted-CDF cut keeps every trial tied with the cut-off one: top and region are the same trials
        Study study = Study.builder().build();
        for (int i = 0; i < 10; i++) {
            study.addTrial(trial(i / 10.0, i % 4, 1.0));
        }
        assertEquals(Map.of("n", 1 / 3.0, "x", 1 / 3.0, "fixed", 1 / 3.0), new PedAnovaImportance().evaluate(study));
    }

    @Test
    void trialsWithANonFiniteValueAreLeftOut() {
        Study withInfinity = Study.builder().build();
        Study without = Study.builder().build();
        for (int i = 0; i < 20; i++) {
            FrozenTrial t = trial(i / 20.0, i % 4, i * i);
            withInfinity.addTrial(t);
            without.addTrial(t);
        }
        withInfinity.addTrial(trial(0.99, 3, Double.NEGATIVE_INFINITY));
        assertEquals(new PedAnovaImportance().evaluate(without), new PedAnovaImportance().evaluate(withInfinity));
    }

    @Test
    void aStudyWithoutAFiniteValueGivesEveryParameterAnEqualShare() {
        // Optuna's answer: no trial can be told from another, so nothing stands out
        Study study = Study.builder().name("diverged").build();
        study.addTrial(trial(0.1, 1, Double.POSITIVE_INFINITY));
        study.addTrial(trial(0.2, 2, Double.NEGATIVE_INFINITY));
        assertEquals(Map.of("n", 1 / 3.0, "x", 1 / 3.0, "fixed", 1 / 3.0), new PedAnovaImportance().evaluate(study));
        assertEquals(Map.of("n", 0.0, "x", 0.0, "fixed", 0.0), new PedAnovaImportance().evaluateRaw(study, null, null));
    }

    @Test
    void aParameterNoCompletedTrialHasIsRefused() {
        Study study = Study.builder().name("s").build();
        study.addTrial(trial(0.1, 1, 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PedAnovaImportance().evaluate(study, List.of("x", "y"), null));
        assertEquals("no completed trial of study s has parameter 'y'; name parameters of the completed trials"
                + " [fixed, n, x]", e.getMessage());
    }

    @Test
    void aConditionalParameterIsAssessedAndScoresWhereItMatters() {
        // "boost" exists in half the trials, and among them decides the value; the other half is worse and flat
        Study study = Study.builder().build();
        for (int i = 0; i < 40; i++) {
            FrozenTrial.Builder t = FrozenTrial.builder().param("x", i % 7 / 7.0, FloatDistribution.of(0, 1));
            double value = 5 + (i % 7) * 0.001;
            if (i % 2 == 0) {
                double boost = (i * 37 % 40) / 40.0;
                t.param("boost", boost, FloatDistribution.of(0, 1));
                value = boost;
            }
            study.addTrial(t.value(value).build());
        }
        Map<String, Double> importances = new PedAnovaImportance().evaluate(study);
        assertEquals(List.of("boost", "x"), List.copyOf(importances.keySet()), importances::toString);
    }

    private static void assertRefused(String message, Executable options) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options);
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    private static FrozenTrial trial(double x, int n, double value) {
        return FrozenTrial.builder().param("x", x, FloatDistribution.of(0, 1)).param("n", n, IntDistribution.of(0, 3))
                .param("fixed", 1.0, FloatDistribution.of(1, 1)).value(value).build();
    }
}
