package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportanceEvaluatorsTest {

    static Stream<ImportanceEvaluator> evaluators() {
        return Stream.of(new FanovaImportance(1), new MeanDecreaseImpurityImportance(1), new PedAnovaImportance(),
                PedAnovaImportance.builder().targetQuantile(0.2).evaluateOnLocal(false).build());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void importancesSumToOne(ImportanceEvaluator evaluator) {
        Map<String, Double> importances = evaluator.evaluate(SyntheticStudies.dominantX(100, Direction.MINIMIZE));
        assertEquals(1.0, importances.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(6, importances.size());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void dominantParameterRanksFirst(ImportanceEvaluator evaluator) {
        Map<String, Double> importances = evaluator.evaluate(SyntheticStudies.dominantX(100, Direction.MINIMIZE));
        assertEquals("x", importances.keySet().iterator().next(), importances.toString());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void dominantParameterRanksFirstWhenMaximizing(ImportanceEvaluator evaluator) {
        Map<String, Double> importances = evaluator.evaluate(SyntheticStudies.dominantX(100, Direction.MAXIMIZE));
        assertEquals("x", importances.keySet().iterator().next(), importances.toString());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void sameSeedSameImportances(ImportanceEvaluator evaluator) {
        Study study = SyntheticStudies.dominantX(60, Direction.MINIMIZE);
        assertEquals(evaluator.evaluate(study), evaluator.evaluate(study));
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void paramsSubsetLimitsTheAnswer(ImportanceEvaluator evaluator) {
        Study study = SyntheticStudies.dominantX(60, Direction.MINIMIZE);
        Map<String, Double> importances = evaluator.evaluate(study, List.of("x", "y"), null);
        assertEquals(List.of("x", "y"), List.copyOf(importances.keySet()));
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void targetSelectsAnObjectiveOfAMultiObjectiveStudy(ImportanceEvaluator evaluator) {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(new RandomSampler(3)).build();
        study.optimizeMulti(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            return new double[] {a * 10 + b * 0.01, b * 10 + a * 0.01};
        }, 80);
        assertEquals("a", evaluator.evaluate(study, null, t -> t.values().get(0)).keySet().iterator().next());
        assertEquals("b", evaluator.evaluate(study, null, t -> t.values().get(1)).keySet().iterator().next());
    }

    /** PED-ANOVA explains reaching the Pareto front instead, as Optuna 5 does (see PedAnovaImportanceTest). */
    static Stream<ImportanceEvaluator> evaluatorsOfOneObjective() {
        return evaluators().filter(e -> !(e instanceof PedAnovaImportance));
    }

    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void multiObjectiveStudyWithoutTargetIsRefused(ImportanceEvaluator evaluator) {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        study.optimizeMulti(t -> new double[] {t.suggestFloat("a", 0, 1), 1}, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(study));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    /**
     * Optuna's {@code _get_distributions}: only trials with every given parameter say what its distribution is. hpo's
     * own trials keep one range per name, but an Optuna process sharing the storage (a journal) may change it; the
     * last trial, written to the storage directly as such a process would, has another range for a and no b.
     */
    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void givenParametersTakeTheirDistributionsFromTrialsThatHaveThemAll(ImportanceEvaluator evaluator) {
        Study study = Study.builder().name("s").sampler(new RandomSampler(11)).build();
        study.optimize(t -> t.suggestFloat("a", 0, 1) + 0.01 * t.suggestFloat("b", 0, 1), 30);
        study.storage().createTrial(study.id(),
                FrozenTrial.builder().param("a", 1.5, FloatDistribution.of(0, 2)).value(1.5).build());
        Map<String, Double> importances = evaluator.evaluate(study, List.of("a", "b"), null);
        assertEquals(List.of("a", "b"), List.copyOf(importances.keySet()));
    }

    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void givenParametersThatNoTrialHasTogetherAreRefused(ImportanceEvaluator evaluator) {
        Study study = Study.builder().name("s").build();
        study.addTrial(FrozenTrial.builder().param("a", 0.5, FloatDistribution.of(0, 1)).value(1).build());
        study.addTrial(FrozenTrial.builder().param("b", 0.5, FloatDistribution.of(0, 1)).value(2).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(study, List.of("a", "b"), null));
        assertEquals("no completed trial of study s has all of the parameters [a, b]: assess them one at a time, or"
                + " with PedAnovaImportance, which reads each parameter in the trials that have it", e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void singleValuedParameterGetsZero(ImportanceEvaluator evaluator) {
        Study study = Study.builder().sampler(new RandomSampler(5)).build();
        study.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestFloat("fixed", 2, 2)
                + t.suggestFloat("b", 0, 1) * 0.1, 40);
        Map<String, Double> importances = evaluator.evaluate(study);
        assertEquals(0.0, importances.get("fixed"));
        assertEquals("a", importances.keySet().iterator().next());
    }

    /**
     * Nothing stands out, so every parameter gets the same share, the fixed one too, as Optuna's MDI and PED-ANOVA
     * give (its fANOVA raises "zero total variance in all trees" here); the raw importances are all 0.
     */
    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void constantObjectiveGivesEveryParameterAnEqualShare(ImportanceEvaluator evaluator) {
        Study study = Study.builder().sampler(new RandomSampler(5)).build();
        study.optimize(t -> 1.0 + 0 * (t.suggestFloat("a", 0, 1) + t.suggestInt("n", 0, 3)
                + t.suggestFloat("fixed", 2, 2)), 20);
        assertEquals(Map.of("a", 1 / 3.0, "n", 1 / 3.0, "fixed", 1 / 3.0), evaluator.evaluate(study));
        assertEquals(Map.of("a", 0.0, "n", 0.0, "fixed", 0.0), evaluator.evaluateRaw(study, null, null));
    }

    /** As Optuna: its evaluators return zeros, which get_param_importances shares equally among all parameters. */
    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void oneCompletedTrialGivesEveryParameterAnEqualShare(ImportanceEvaluator evaluator) {
        Study study = Study.builder().sampler(new RandomSampler(5)).build();
        study.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestInt("n", 0, 3) + t.suggestFloat("fixed", 2, 2), 1);
        assertEquals(Map.of("a", 1 / 3.0, "n", 1 / 3.0, "fixed", 1 / 3.0), evaluator.evaluate(study));
    }

    /** As Optuna: a raw importance of 0, and all of the share once normalized. */
    @ParameterizedTest
    @MethodSource("evaluatorsOfOneObjective")
    void onlySingleValuedParametersShareOne(ImportanceEvaluator evaluator) {
        Study study = Study.builder().build();
        for (int i = 0; i < 5; i++) {
            study.addTrial(FrozenTrial.builder().param("fixed", 2.0, FloatDistribution.of(2, 2)).value(i).build());
        }
        assertEquals(Map.of("fixed", 1.0), evaluator.evaluate(study));
        assertEquals(Map.of("fixed", 0.0), evaluator.evaluateRaw(study, null, null));
    }

    /** Optuna returns an empty map too; a report shows "no importance" rather than failing. */
    @ParameterizedTest
    @MethodSource("evaluators")
    void studyWithoutCompletedTrialsHasNoImportances(ImportanceEvaluator evaluator) {
        Study study = Study.builder().name("empty").build();
        study.addTrial(FrozenTrial.builder().param("a", 0.5, FloatDistribution.of(0, 1)).state(TrialState.FAIL)
                .build());
        assertEquals(Map.of(), evaluator.evaluate(study));
        assertEquals(Map.of(), evaluator.evaluateRaw(study, null, null));
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void aParameterAskedForThatNoCompletedTrialHasIsRefusedByName(ImportanceEvaluator evaluator) {
        Study study = Study.builder().name("s").build();
        study.addTrial(FrozenTrial.builder().param("a", 0.5, FloatDistribution.of(0, 1)).value(1).build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(study, List.of("a", "lr"), null));
        assertTrue(e.getMessage().contains("'lr'") || e.getMessage().contains("[lr] is in no completed trial"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("name parameters of the completed trials [a]"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("evaluators")
    void anEmptyListOfParametersHasNoImportances(ImportanceEvaluator evaluator) {
        Study study = SyntheticStudies.dominantX(20, Direction.MINIMIZE);
        assertEquals(Map.of(), evaluator.evaluate(study, List.of(), null));
    }
}
