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
 * <p>As Optuna's {@code BaseImportanceEvaluator}, an evaluator has raw importances ({@link #evaluateRaw}, on its own
 * scale) and {@link #evaluate} gives them normalized as Optuna's {@code get_param_importances} does: summing to 1, or
 * equal shares for every assessed parameter when every raw importance is 0 (too few trials with a finite target,
 * every target equal), single-valued parameters included. Otherwise a parameter with a single possible value gets 0.
 * Every evaluator works on the study's COMPLETE trials with a finite target; a study without completed trials gives
 * an empty map (Optuna's answer), and so does an empty list of parameters. fANOVA and mean decrease impurity assess
 * the intersection search space (the parameters every completed trial has); PED-ANOVA, as in Optuna 5, assesses every
 * parameter of a completed trial, conditional ones included, and explains reaching the Pareto front of a
 * multi-objective study given no target. {@link Importances} picks the default.
 */
public interface ImportanceEvaluator {

    /**
     * The importance of each parameter, normalized to sum to 1.
     *
     * @param study the study to analyse
     * @param params the parameters to assess, or {@code null} for the intersection search space of the
     *        completed trials (PED-ANOVA: every parameter of a completed trial); when given, each must be in a
     *        completed trial, and only completed trials that have all of them are used (PED-ANOVA: every completed
     *        trial, a parameter it lacks being inactive)
     * @param target what to explain, or {@code null} for the objective value of a single-objective study
     *        (a multi-objective study needs a target, such as {@code t -> t.values().get(0)}, except with
     *        PED-ANOVA); a target is read as lower-is-better
     * @return parameter name to importance, summing to 1 (empty when nothing is assessed), in descending order of
     *         importance, ties by name
     * @throws IllegalArgumentException when a parameter asked for is in no completed trial, or (other than PED-ANOVA)
     *         no completed trial has them all, or a multi-objective study is given no target where one is needed
     */
    Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target);

    /** The importance of every parameter of the intersection search space for the objective value. */
    default Map<String, Double> evaluate(Study study) {
        return evaluate(study, null, null);
    }

    /**
     * The importances before normalization (Optuna's {@code get_param_importances(..., normalize=False)}), with the
     * same parameters, order and errors as {@link #evaluate(Study, List, ToDoubleFunction)}: what they mean is the
     * evaluator's (PED-ANOVA's scaled Pearson divergences, fANOVA's fractions of variance, which sum to at most 1,
     * mean decrease impurity's shares, which sum to 1) and all are 0 where nothing can be told apart. Raw scores
     * compare the strength of the effects across studies or targets, where normalized ones only rank parameters.
     * An evaluator whose importances have no scale of their own keeps this default, its normalized answer.
     */
    default Map<String, Double> evaluateRaw(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        return evaluate(study, params, target);
    }
}
