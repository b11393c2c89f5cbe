package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Study;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {

    @Test
    void valuesRespectBoundsStepsAndChoicesOverManySeeds() {
        for (long seed = 0; seed < 30; seed++) {
            SamplerProperties.assertInSpace(SamplerProperties.run(new RandomSampler(seed), 40));
        }
    }

    @Test
    void sameSeedGivesSameTrials() {
        SamplerProperties.assertReproducible(RandomSampler::new, 30);
    }

    @Test
    void logScaleIsUniformInTheLogarithm() {
        Study study = SamplerProperties.run(new RandomSampler(3), 600);
        double share = SamplerProperties.shareBelowGeometricMiddle(study, "lf", 1e-4, 10.0);
        // uniform in the value itself would put about 0.001 % below the geometric middle
        assertTrue(share > 0.4 && share < 0.6, "share below the geometric middle " + share);
    }
}
