package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>What comes back is Optuna's: every assessed parameter (single-valued ones at 0), in descending order of
 * importance, ties by name. By default the importances are normalized to sum to 1, and when every raw importance is
 * 0 (one usable trial, every trial tied, no finite target) each assessed parameter gets the same share, a
 * single-valued one too: nothing stands out. With {@code normalize} false the map holds the evaluator's raw
 * importances ({@link ImportanceEvaluator#evaluateRaw}), for comparing the strength of the effects between studies or
 * between targets of one study. Where Optuna breaks ties by the order its dictionaries happen to be filled in (for
 * PED-ANOVA a Python set's), hpo orders tied parameters by name so that a report is the same on every run.
 *
 * <p>Optuna returns an empty map for a study without completed trials or for an empty list of parameters, and so
 * does hpo; it raises when a parameter asked for is in no completed trial, and hpo throws an
 * {@link IllegalArgumentException} that names the parameter and the parameters the completed trials have.
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

    /**
     * Optuna's {@code get_param_importances(study, evaluator=, params=, target=, normalize=)}: with {@code normalize}
     * true the same as {@link #of(Study, ImportanceEvaluator, List, ToDoubleFunction)} (shares summing to 1), with
     * false the evaluator's raw importances, whose scale is the evaluator's own (see
     * {@link ImportanceEvaluator#evaluateRaw}); both in descending order of importance.
     *
     * @param evaluator the evaluator ({@code null}: {@link #defaultEvaluator()})
     * @param params the parameters to assess ({@code null}: all, as the evaluator defines it)
     * @param target what to explain ({@code null}: the objective), read as lower-is-better
     */
    public static Map<String, Double> of(Study study, ImportanceEvaluator evaluator, List<String> params,
            ToDoubleFunction<FrozenTrial> target, boolean normalize) {
        ImportanceEvaluator e = evaluator != null ? evaluator : defaultEvaluator();
        return normalize ? e.evaluate(study, params, target) : e.evaluateRaw(study, params, target);
    }

    /**
     * Raw importances (any non-negative scale, in descending order) scaled to sum to 1 as Optuna's
     * {@code get_param_importances} does: equal shares for every parameter when they are all 0. The order is kept.
     */
    static Map<String, Double> normalized(Map<String, Double> raw) {
        double sum = 0;
        for (double v : raw.values()) {
            sum += v;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : raw.entrySet()) {
            out.put(e.getKey(), sum > 0 ? e.getValue() / sum : 1.0 / raw.size());
        }
        return out;
    }

    /** Parameters with their raw importances, in descending order of importance (ties by name). */
    static Map<String, Double> ranked(List<String> names, double[] importances) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            entries.add(Map.entry(names.get(i), importances[i]));
        }
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
