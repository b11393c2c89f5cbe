package dev.hpo.sampler.cmaes;

/**
 * The state of learning-rate adaptation (LRA-CMA-ES; Nomura, Akimoto and Ono, "CMA-ES with Learning Rate
 * Adaptation", GECCO 2023): the learning rates of the mean and of the covariance σ²C, and exponential moving
 * averages of their one-generation updates, expressed in the coordinates of the previous distribution, from which the
 * signal-to-noise ratio of each update is estimated.
 *
 * @param etaMean η_m, the mean's learning rate, at most 1
 * @param etaSigma η_Σ, the covariance's learning rate, at most 1
 * @param meanAverage E_m, the moving average of the mean's update
 * @param sigmaAverage E_Σ, the moving average of the covariance's update (n² entries, row by row, over √2)
 * @param meanSquare V_m, the moving average of the squared norm of the mean's update
 * @param sigmaSquare V_Σ, the same for the covariance's update
 */
public record LearningRates(double etaMean, double etaSigma, double[] meanAverage, double[] sigmaAverage,
        double meanSquare, double sigmaSquare) {

    /** Both rates at 1 (plain CMA-ES) and empty averages, as at the start of a run. */
    static LearningRates initial(int n) {
        return new LearningRates(1, 1, new double[n], new double[n * n], 0, 0);
    }
}
