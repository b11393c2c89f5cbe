package dev.hpo;

/**
 * The function a single-objective study optimizes. It asks the trial for parameters (define-by-run),
 * may report intermediate values for pruning, and returns the value to minimize or maximize.
 */
@FunctionalInterface
public interface ObjectiveFunction {
    double evaluate(Trial trial) throws Exception;
}
