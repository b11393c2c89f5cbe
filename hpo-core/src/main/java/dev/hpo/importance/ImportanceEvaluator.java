package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Answers one question about a finished (or running) study: how much did each parameter matter for the
 * objective? Implementations differ in how they measure it — variance of a surrogate's marginals
 * ({@link FanovaImportance}), impurity decrease of a forest ({@link MeanDecreaseImpurityImportance}), or how
 * different the good trials' parameter distribution is from all trials' ({@link PedAnovaImportance}).
 *
 * <p>Every evaluator works on the study's COMPLETE trials, returns importances that sum to 1, sorted from the most
 * important, and gives parameters with a single possible value an importance of 0 (so a study all of whose
 * parameters are single-valued gets only zeros; Optuna gives them equal shares). fANOVA and mean decrease impurity
 * assess the intersection search space (the parameters every completed trial has); PED-ANOVA, as in Optuna 5,
 * assesses every parameter of a completed trial, conditional ones included, and explains reaching the Pareto front
 * of a multi-objective study given no target. {@link Importances} picks the default.
 */
public interface ImportanceEvaluator {

    /**
     * The importance of each parameter.
     *
     * @param study the study to analyse; needs at least one COMPLETE trial
     * @param params the parameters to assess, or {@code null} for the intersection search space of the
     *        completed trials (PED-ANOVA: every parameter of a completed trial); when given, only completed trials
     *        that have all of them are used (PED-ANOVA: every completed trial, a parameter it lacks being inactive)
     * @param target what to explain, or {@code null} for the objective value of a single-objective study
     *        (a multi-objective study needs a target, such as {@code t -> t.values().get(0)}, except with
     *        PED-ANOVA); a target is read as lower-is-better
     * @return parameter name to importance, summing to 1, in descending order of importance
     */
    Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target);

    /** The importance of every parameter of the intersection search space for the objective value. */
    default Map<String, Double> evaluate(Study study) {
        return evaluate(study, null, null);
    }
}
