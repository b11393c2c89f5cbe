package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The entry point for parameter importance, in the spirit of Optuna's {@code get_param_importances}.
 *
 * <p>The default evaluator is {@link PedAnovaImportance} with Optuna 5.0's defaults (target quantile 0.1, region
 * quantile 1, evaluated on the local space), the estimator Optuna 5 uses by default and with its numbers: it needs
 * no surrogate model, takes milliseconds on thousands of trials, assesses conditional parameters too and explains
 * what it takes to reach the top 10% of the study. Use {@link FanovaImportance} for a global, model-based answer
 * (Optuna 4's default).
 */
public final class Importances {

    private Importances() {
    }

    /** The evaluator {@link #of(Study)} uses: PED-ANOVA with Optuna's defaults. */
    public static ImportanceEvaluator defaultEvaluator() {
        return new PedAnovaImportance();
    }

    /** Importances of the study's parameters for its objective, with the default evaluator. */
    public static Map<String, Double> of(Study study) {
        return of(study, defaultEvaluator());
    }

    /** Importances of the study's parameters for its objective, with the given evaluator. */
    public static Map<String, Double> of(Study study, ImportanceEvaluator evaluator) {
        return evaluator.evaluate(study);
    }

    /** Importances of some parameters ({@code null}: all) for a target ({@code null}: the objective). */
    public static Map<String, Double> of(Study study, ImportanceEvaluator evaluator, List<String> params,
            ToDoubleFunction<FrozenTrial> target) {
        return evaluator.evaluate(study, params, target);
    }
}
