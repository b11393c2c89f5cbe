package dev.hpo;

/**
 * The function a multi-objective study optimizes: one value per direction of the study, in the same order.
 * It has its own name, rather than an overload of {@link ObjectiveFunction}, so that lambdas stay unambiguous.
 */
@FunctionalInterface
public interface MultiObjectiveFunction {
    double[] evaluate(Trial trial) throws Exception;
}
