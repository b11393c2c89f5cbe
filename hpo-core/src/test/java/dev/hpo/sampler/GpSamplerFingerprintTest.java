package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.pruner.NopPruner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact trials {@link GpSampler} draws for fixed seeds, bit for bit, as {@link TpeSamplerFingerprintTest}
 * does for TPE (same fold): speed work on the Gaussian process must keep them, and a change meant to alter what
 * it samples re-pins them and says so in its commit.
 */
class GpSamplerFingerprintTest {

    /** Continuous, log-scaled and integer parameters. */
    private static double numeric(Trial t) {
        double x = t.suggestFloat("x", -3, 3);
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        int n = t.suggestInt("n", 1, 20);
        return (x - 0.7) * (x - 0.7) + Math.pow(Math.log10(lr) + 2, 2) + 0.05 * (n - 7) * (n - 7);
    }

    /** A categorical parameter beside a continuous one. */
    private static double withChoice(Trial t) {
        String kind = t.suggestCategorical("kind", List.of("a", "b", "c"));
        double y = t.suggestFloat("y", 0, 1);
        return (kind.equals("b") ? 0 : 0.3) + Math.sin(6 * y) + y;
    }

    private static void assertFingerprint(long expected, List<FrozenTrial> trials) {
        TpeSamplerFingerprintTest.assertPinned("the GP", expected, trials);
    }

    @Test
    void trialsOnANumericSpaceArePinned() {
        Study s = Study.builder().sampler(new GpSampler(0)).pruner(new NopPruner()).build();
        s.optimize(GpSamplerFingerprintTest::numeric, 40);
        assertFingerprint(0xc2fec8b66c9baac7L, s.trials());
    }

    @Test
    void trialsWithACategoricalParameterArePinned() {
        Study s = Study.builder().sampler(new GpSampler(1)).pruner(new NopPruner()).build();
        s.optimize(GpSamplerFingerprintTest::withChoice, 30);
        assertFingerprint(0x7cce8e8a39392b31L, s.trials());
    }
}
