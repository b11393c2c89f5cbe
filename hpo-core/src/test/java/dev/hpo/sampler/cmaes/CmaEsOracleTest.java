package dev.hpo.sampler.cmaes;

import static dev.hpo.OracleJson.matrix;
import static dev.hpo.OracleJson.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.sampler.UnitSpace;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One generation of {@link CmaEs#tell} beside the cmaes library's {@code CMA.tell} (the update Optuna's CmaEsSampler
 * runs), from {@code cmaes-tell.json} written by {@code hpo-bench/optuna/cma_oracle.py} (cmaes 0.9.1): the same state,
 * population and values give the same mean, step size and evolution paths; the covariance differs by exactly the
 * part cmaes adds with its negative recombination weights (active CMA), which hpo, after the tutorial's positive
 * weights, leaves out.
 */
class CmaEsOracleTest {

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "] of " + Arrays.toString(actual));
        }
    }

    @Test
    void oneGenerationIsTheLibrarysButForTheActiveCovariancePart() throws IOException {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("cmaes-tell.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        for (JsonNode c : fixture.get("cases")) {
            int n = c.get("n").asInt();
            Map<String, Distribution> space = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                space.put("x" + i, FloatDistribution.of(0, 1));
            }
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            // cmaes counts generations from one more than the tutorial's g in its h_σ test: 2(g + 1) after g += 1.
            int generation = c.get("generationBefore").asInt() + 1;
            CmaState before = new CmaState("k", generation, generation, 0, c.get("popsize").asInt(),
                    vector(c.get("mean")), c.get("sigma").asDouble(), c.get("sigma").asDouble(), matrix(c.get("cov")),
                    vector(c.get("pathSigma")), vector(c.get("pathC")), ones, List.of(), false, null);
            List<double[]> solutions = new ArrayList<>(Arrays.asList(matrix(c.get("solutions"))));
            CmaState after = new CmaEs(new UnitSpace(space)).tell(before, solutions, vector(c.get("values")),
                    new SplittableRandom(0));
            JsonNode expected = c.get("after");
            String where = "n = " + n + ": ";
            assertClose(vector(expected.get("mean")), after.mean(), 1e-14, where + "mean");
            assertClose(vector(expected.get("pathSigma")), after.pathSigma(), 1e-12, where + "p_sigma");
            assertClose(vector(expected.get("pathC")), after.pathC(), 1e-12, where + "p_c");
            assertEquals(expected.get("sigma").asDouble(), after.sigma(), 1e-14, where + "sigma");
            double[][] library = matrix(expected.get("cov"));
            double[][] active = matrix(c.get("activePart"));
            double activeSize = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(library[i][j] - active[i][j], after.cov()[i][j], 1e-12,
                            where + "C[" + i + "][" + j + "] without the active part");
                    activeSize = Math.max(activeSize, Math.abs(active[i][j]));
                }
            }
            assertTrue(activeSize > 1e-3, where + "the active part is not negligible: " + activeSize);
        }
    }
}
