package dev.hpo.sampler.cmaes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Everything CMA-ES carries from one generation to the next, as an immutable value that round-trips through JSON
 * (it lives in a study system attribute so that every worker and process of a study continues the same run).
 * Coordinates are in the unit cube of the search space.
 *
 * @param space the search space it was created for (parameter names and distributions), to detect a change
 * @param generation generations completed since the study started, over all restarts; trials are tagged with it
 * @param generationsInRun generations since the last (re)start, for the bias correction of the step-size path
 * @param restarts IPOP restarts so far
 * @param popsize λ of the current run
 * @param mean m
 * @param sigma σ
 * @param sigma0 σ of a fresh start
 * @param cov C (only the diagonal is used when {@code separable})
 * @param pathSigma p_σ
 * @param pathC p_c
 * @param marginA the margin's diagonal scaling A for discrete coordinates (1 for continuous ones)
 * @param bestHistory the best value of each generation of the current run, most recent last
 * @param separable sep-CMA-ES: a diagonal covariance
 * @param learningRates the state of learning-rate adaptation, or null when the run does not adapt them
 */
public record CmaState(
        String space,
        int generation,
        int generationsInRun,
        int restarts,
        int popsize,
        double[] mean,
        double sigma,
        double sigma0,
        double[][] cov,
        double[] pathSigma,
        double[] pathC,
        double[] marginA,
        List<Double> bestHistory,
        boolean separable,
        LearningRates learningRates) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public int dimension() {
        return mean.length;
    }

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CMA-ES state as JSON: " + e.getMessage(), e);
        }
    }

    public static CmaState fromJson(String json) {
        try {
            return MAPPER.readValue(json, CmaState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the study's CMA-ES state is not valid JSON (" + e.getOriginalMessage()
                    + "); delete the study system attribute to start CMA-ES afresh", e);
        }
    }
}
