package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final String[] XY = {"x", "y"};

    private static FrozenTrial finished(int number, Map<String, Object> params) {
        Map<String, Distribution> distributions = new HashMap<>();
        for (String name : params.keySet()) {
            distributions.put(name, FloatDistribution.of(0, 1));
        }
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(0.0), params, distributions, null, null,
                null, null, null);
    }

    @Test
    void completeRowsAreTheReadTrialsWhenEveryTrialHasEveryParameter() {
        Observations observations = new Observations();
        observations.read(finished(0, Map.of("x", 0.1, "y", 0.2)));
        observations.read(finished(2, Map.of("x", 0.3, "y", 0.4)));
        assertArrayEquals(new int[] {2, 0}, observations.completeRows(new int[] {2, 1, 0, 7}, XY));
    }

    @Test
    void completeRowsLeaveOutTrialsThatLackAParameter() {
        Observations observations = new Observations();
        observations.read(finished(0, Map.of("x", 0.1, "y", 0.2)));
        observations.read(finished(1, Map.of("x", 0.3)));
        observations.read(finished(2, Map.of("y", 0.5, "x", 0.6)));
        assertArrayEquals(new int[] {0, 2}, observations.completeRows(new int[] {0, 1, 2}, XY));
        assertArrayEquals(new int[] {0, 1, 2}, observations.completeRows(new int[] {0, 1, 2}, new String[] {"x"}));
    }
}
