package dev.hpo.terminator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.OracleJson;
import dev.hpo.sampler.UnitSpace;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the terminator oracle tests share: the space of {@code results/emmr-trials.json} (x, y, z in [0, 1]), the
 * fixtures Optuna 5.0.0 wrote, and Optuna's fitted GP hyperparameters as hpo's {@link dev.hpo.sampler.gp.GpModel}
 * reads them (log length scales, log signal and noise variance).
 */
final class OptunaTerminatorFixtures {

    static final UnitSpace SPACE;

    static {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (String name : List.of("x", "y", "z")) {
            space.put(name, FloatDistribution.of(0, 1));
        }
        SPACE = new UnitSpace(space);
    }

    private OptunaTerminatorFixtures() {
    }

    /** A fixture of this package, checked to be Optuna 5.0.0's. */
    static JsonNode read(String resource) throws IOException {
        JsonNode fixture;
        try (InputStream in = OptunaTerminatorFixtures.class.getResourceAsStream(resource)) {
            fixture = new ObjectMapper().readTree(in);
        }
        assertEquals("5.0.0", fixture.get("optuna").asText(), resource);
        return fixture;
    }

    /**
     * Optuna's hyperparameters of case {@code c}, with its signal and noise variance divided by {@code variance}:
     * 1 when hpo's GP sees the values in Optuna's units, the values' variance when it standardizes them again.
     */
    static double[] theta(JsonNode c, double variance) {
        double[] isl = OracleJson.vector(c.get("inverseSquaredLengthScales"));
        return new double[] {-0.5 * Math.log(isl[0]), -0.5 * Math.log(isl[1]), -0.5 * Math.log(isl[2]),
            Math.log(c.get("kernelScale").asDouble() / variance), Math.log(c.get("noiseVar").asDouble() / variance)};
    }
}
