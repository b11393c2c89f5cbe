package dev.hpo.terminator;

import static dev.hpo.OracleJson.matrix;
import static dev.hpo.OracleJson.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.sampler.UnitSpace;
import dev.hpo.sampler.gp.GpModel;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RegretBoundEvaluator} beside Optuna 5.0.0's on the two studies of results/emmr-trials.json cut after 20, 41
 * and 60 trials ({@code optuna-regret-bound.json}, from {@code hpo-bench/optuna/regret_bound_oracle.py}): which trials
 * are modelled, β, and the bound under Optuna's fitted hyperparameters. The bound's largest LCB is searched
 * differently (Optuna: 2048 uniform points of RandomState(0); hpo: 1024 Sobol points and a local search), so there it
 * is compared within a documented tolerance.
 */
class RegretBoundOracleTest {

    private static final UnitSpace SPACE = OptunaTerminatorFixtures.SPACE;
    private static JsonNode fixture;

    @BeforeAll
    static void readFixture() throws IOException {
        fixture = OptunaTerminatorFixtures.read("optuna-regret-bound.json");
    }

    @Test
    void modelsAsManyTrialsAsOptuna() {
        for (JsonNode c : fixture.get("cases")) {
            assertEquals(c.get("topX").size(),
                    RegretBoundEvaluator.modelledTrials(c.get("n").asInt(), RegretBoundEvaluator.DEFAULT_MIN_TRIALS),
                    "seed " + c.get("seed") + ", " + c.get("n") + " trials");
        }
    }

    @Test
    void betaIsOptunas() {
        for (JsonNode c : fixture.get("cases")) {
            double expected = c.get("beta").asDouble();
            assertEquals(expected, RegretBoundEvaluator.beta(3, c.get("topX").size(), 0.1), 1e-14 * expected);
        }
    }

    /**
     * Under Optuna's hyperparameters the bound's first part, the smallest UCB at a modelled trial, is Optuna's to
     * 1e-9. The second, the smallest LCB anywhere, is searched: hpo's search reaches at least as low as Optuna's 2048
     * uniform points (so the bound is at least Optuna's) and lower on sparse data: 1.6 to 2.4 % above Optuna's bound
     * at 41 and 60 trials, 11 % and 2.2 times at 20 (0.21 of the modelled values' spread); the test allows a quarter.
     */
    @Test
    void boundUnderOptunasHyperparametersIsOptunas() {
        for (JsonNode c : fixture.get("cases")) {
            String where = "seed " + c.get("seed") + ", " + c.get("n") + " trials";
            double[][] x = matrix(c.get("topX"));
            double[] y = vector(c.get("topValues"));
            double[] theta = OptunaTerminatorFixtures.theta(c, 1);
            GpModel model = GpModel.unwarped(SPACE);
            GpModel.Posterior posterior = model.condition(x, y, List.of(), new GpModel.Hyperparameters(theta));
            double mean = c.get("topMean").asDouble();
            double std = c.get("topStd").asDouble();
            double width = Math.sqrt(c.get("beta").asDouble());
            double upper = Double.POSITIVE_INFINITY;
            for (double[] p : x) {
                double[] mv = posterior.predict(p);
                upper = Math.min(upper, mv[0] + width * Math.sqrt(mv[1]));
            }
            double expectedUpper = mean - std * c.get("maxLcbAtTop").asDouble();
            assertEquals(expectedUpper, upper, 1e-9 * (Math.abs(expectedUpper) + std), where + ": smallest UCB");
            double expected = c.get("bound").asDouble();
            double bound = RegretBoundEvaluator.bound(SPACE, posterior, x, 0.1);
            assertTrue(bound >= expected * (1 - 1e-9) && bound <= expected + 0.25 * std,
                    where + ": hpo " + bound + ", Optuna " + expected);
        }
    }
}
