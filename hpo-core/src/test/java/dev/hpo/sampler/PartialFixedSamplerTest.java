package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartialFixedSamplerTest {

    private static double objective(Trial trial) {
        double x = trial.suggestFloat("x", -5, 5);
        double y = trial.suggestFloat("y", -5, 5);
        String kernel = trial.suggestCategorical("kernel", List.of("rbf", "linear"));
        return x * x + y * y + kernel.length();
    }

    private static Study study(Sampler sampler) {
        return Study.builder().sampler(sampler).build();
    }

    @Test
    void fixedValuesHoldAndTheRestIsSampled() {
        Study study = study(new PartialFixedSampler(Map.of("x", 2.0, "kernel", "linear"), new RandomSampler(1)));
        study.optimize(PartialFixedSamplerTest::objective, 20);
        Set<Object> ys = new HashSet<>();
        for (FrozenTrial t : study.trials()) {
            assertEquals(2.0, t.params().get("x"));
            assertEquals("linear", t.params().get("kernel"));
            double y = (double) t.params().get("y");
            assertTrue(y >= -5 && y <= 5);
            ys.add(y);
        }
        assertEquals(20, ys.size());
    }

    @Test
    void fixedParametersAreLeftOutOfTheBaseSamplersJointSpace() {
        Map<String, Distribution> space = Map.of("x", FloatDistribution.of(-5, 5), "y", FloatDistribution.of(-5, 5));
        Sampler base = QmcSampler.builder().seed(1).searchSpace(space).build();
        Study study = study(new PartialFixedSampler(Map.of("x", 2.0), base));
        Trial trial = study.ask();
        assertEquals(Set.of("y"), study.sampler().inferRelativeSearchSpace(study, trial.snapshot()).keySet());
        assertEquals(2.0, trial.suggestFloat("x", -5, 5));
    }

    @Test
    void sameSeedSameTrials() {
        Study a = study(new PartialFixedSampler(Map.of("x", 1.0), new RandomSampler(3)));
        Study b = study(new PartialFixedSampler(Map.of("x", 1.0), new RandomSampler(3)));
        a.optimize(PartialFixedSamplerTest::objective, 5);
        b.optimize(PartialFixedSamplerTest::objective, 5);
        assertEquals(a.trials().stream().map(FrozenTrial::params).toList(),
                b.trials().stream().map(FrozenTrial::params).toList());
    }

    @Test
    void aFixedValueOutsideTheRangeIsAClearError() {
        Study study = study(new PartialFixedSampler(Map.of("x", 9.0), new RandomSampler(1)));
        Failures.assertTrialFails(study, PartialFixedSamplerTest::objective, "fixed value 9.0", "'x'");
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PartialFixedSampler(null, new RandomSampler(1)));
        assertThrows(IllegalArgumentException.class, () -> new PartialFixedSampler(Map.of(), null));
    }
}
