package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.Trial;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One closed-form benchmark problem of {@code problems.json}: its parameters, the function of their values and
 * the known optimum, so that a run's regret (best so far minus the optimum) can be compared with Optuna's.
 *
 * @param parameters in the file's order, with their distributions
 * @param function the objective of the parameter values (external form: Double, Integer, String)
 */
public record Problem(String name, Direction direction, Map<String, Distribution> parameters,
        ToDoubleFunction<Map<String, Object>> function, double optimum) {

    /** Suggests every parameter from the trial, in order, and evaluates the function. */
    public double evaluate(Trial trial) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        parameters.forEach((name, d) -> values.put(name, trial.suggest(name, d)));
        return function.applyAsDouble(values);
    }

    /** Best-so-far minus the optimum (optimum minus best-so-far when maximizing). */
    public double regret(double best) {
        return direction == Direction.MINIMIZE ? best - optimum : optimum - best;
    }

    static Distribution distribution(String type, double low, double high, boolean log, Integer step,
            List<Object> choices) {
        return switch (type) {
            case "float" -> new FloatDistribution(low, high, log, null);
            case "int" -> new IntDistribution((long) low, (long) high, log, step == null ? 1 : step);
            case "categorical" -> CategoricalDistribution.of(choices);
            default -> throw new IllegalArgumentException("unknown parameter type '" + type
                    + "' in problems.json; expected float, int or categorical");
        };
    }
}
