package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.pruner.NopPruner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact trials {@link CmaEsSampler} and the CMA-ES phase of {@link AutoSampler} draw for fixed seeds, bit
 * for bit, as {@link TpeSamplerFingerprintTest} does for TPE (same fold): work on how they follow a study's trials
 * must keep them, and a change meant to alter what they sample re-pins them and says so in its commit. The studies
 * run long enough for several generations, IPOP restarts included on the converging bowl.
 */
class CmaEsSamplerFingerprintTest {

    /** Rosenbrock's valley in x, y with a log-scaled third parameter. */
    private static double valley(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        double z = t.suggestFloat("z", 1e-3, 10, true);
        return 100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x) + Math.log(z) * Math.log(z);
    }

    private static double bowl(Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double y = t.suggestFloat("y", -5, 5);
        return (x - 1) * (x - 1) + (y + 2) * (y + 2);
    }

    private static void assertFingerprint(long expected, List<FrozenTrial> trials) {
        TpeSamplerFingerprintTest.assertPinned("CMA-ES", expected, trials);
    }

    @Test
    void trialsOnAValleyArePinned() {
        Study s = Study.builder().sampler(new CmaEsSampler(3)).pruner(new NopPruner()).build();
        s.optimize(CmaEsSamplerFingerprintTest::valley, 600);
        assertFingerprint(PINNED_VALLEY, s.trials());
    }

    @Test
    void trialsThroughRestartsArePinned() {
        Study s = Study.builder().sampler(new CmaEsSampler(5)).pruner(new NopPruner()).build();
        s.optimize(CmaEsSamplerFingerprintTest::bowl, 1500);
        assertFingerprint(PINNED_RESTARTS, s.trials());
    }

    @Test
    void theAutoSamplersCmaEsPhaseIsPinned() {
        Study s = Study.builder().sampler(new AutoSampler(2, 20)).pruner(new NopPruner()).build();
        s.optimize(CmaEsSamplerFingerprintTest::valley, 300);
        assertFingerprint(PINNED_AUTO, s.trials());
    }

    private static final long PINNED_VALLEY = 0x5e1152e7936c07a3L;
    private static final long PINNED_RESTARTS = 0x396d92d2083ea04fL;
    private static final long PINNED_AUTO = 0x771f8c5ed8ea5eefL;
}
