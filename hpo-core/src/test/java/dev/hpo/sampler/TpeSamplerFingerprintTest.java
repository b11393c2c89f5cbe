package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.pruner.NopPruner;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact trials {@link TpeSampler} draws for fixed seeds, bit for bit, in every mode (multivariate,
 * independent, group, pruned trials, running trials under the constant liar, two objectives, constraints). Speed
 * work on the sampler must keep these: a change that is meant to alter what TPE samples re-pins them (run the test,
 * take the printed fingerprint) and says so in its commit.
 *
 * <p>A fingerprint folds, trial by trial, the number, the state and every internal parameter value (by its bits,
 * parameters sorted by name) into a 64-bit hash.
 *
 * <p>The pins of the multivariate modes were taken with Optuna's options ({@link #optuna}), the configuration
 * that matches Optuna 5's {@code TPESampler}, and still hold for it; hpo's defaults (the clip's floor 0.03 of the
 * range, exponent 1.5, and ℓ(x) weighted by improvement, see {@link TpeSampler}) are pinned by
 * {@link #multivariateTrialsWithTheDefaultsArePinned} and, through the split that failed and pruned trials take,
 * {@link #defaultsWithFailedAndPrunedTrialsArePinned}.
 */
class TpeSamplerFingerprintTest {

    /** The 10-parameter objective of the overhead benchmark ({@code optuna-figures.md}): every kind of parameter. */
    private static double tenParameters(Trial t) {
        double f1 = t.suggestFloat("f1", -10, 10);
        double f2 = t.suggestFloat("f2", 0, 1);
        double f3 = t.suggestFloat("f3", 1e-5, 1, true);
        double f4 = t.suggestFloat("f4", -1, 1, 0.1);
        int i1 = t.suggestInt("i1", 0, 100);
        int i2 = t.suggestInt("i2", 1, 1024, true);
        int i3 = t.suggestInt("i3", 0, 20, 2);
        String c1 = t.suggestCategorical("c1", List.of("a", "b", "c"));
        int c2 = t.suggestCategorical("c2", List.of(1, 2, 4, 8));
        boolean c3 = t.suggestCategorical("c3", List.of(true, false));
        return f1 + f2 + f3 + f4 + i1 + i2 + i3 + c1.length() + c2 + (c3 ? 1 : 0);
    }

    /** A conditional space: two branches with their own parameters. */
    private static double conditional(Trial t) {
        String branch = t.suggestCategorical("branch", List.of("a", "b"));
        if (branch.equals("a")) {
            double x = t.suggestFloat("ax", -5, 5);
            int n = t.suggestInt("an", 1, 64, true);
            return x * x + n;
        }
        double y = t.suggestFloat("by", 0, 1);
        return 10 * (y - 0.3) * (y - 0.3);
    }

    /** A fold of the trials: numbers, states and every internal parameter value by its bits. */
    static long fingerprint(List<FrozenTrial> trials) {
        long h = 1125899906842597L;
        for (FrozenTrial t : trials) {
            h = 31 * h + t.number();
            h = 31 * h + t.state().ordinal();
            for (String name : new TreeSet<>(t.params().keySet())) {
                h = 31 * h + name.hashCode();
                h = 31 * h + Double.doubleToLongBits(t.internalParam(name));
            }
        }
        return h;
    }

    /** A sampler with Optuna 5's options throughout: its magic clip and equal weights for the good trials. */
    private static TpeSampler optuna(long seed) {
        return TpeSampler.builder().seed(seed).optunaDefaults().build();
    }

    private static Study study(Sampler sampler) {
        return Study.builder().sampler(sampler).pruner(new NopPruner()).build();
    }

    private static void assertFingerprint(long expected, List<FrozenTrial> trials) {
        assertPinned("TPE", expected, trials);
    }

    /** Fails, with the new value to pin, when the trials' fingerprint is not the one pinned. */
    static void assertPinned(String sampler, long expected, List<FrozenTrial> trials) {
        long actual = fingerprint(trials);
        assertEquals(expected, actual, () -> sampler + " drew other trials than the pinned ones: fingerprint 0x"
                + Long.toHexString(actual) + "L; if the sampling was meant to change, pin the new value");
    }

    @Test
    void multivariateTrialsOnTheTenParameterObjectiveArePinned() {
        Study s = study(optuna(0));
        s.optimize(TpeSamplerFingerprintTest::tenParameters, 1000);
        assertFingerprint(0x4abe805f4877db9fL, s.trials());
    }

    @Test
    void multivariateTrialsWithTheDefaultsArePinned() {
        Study s = study(new TpeSampler(0));
        s.optimize(TpeSamplerFingerprintTest::tenParameters, 1000);
        assertFingerprint(0x1bac6abaa4f600f5L, s.trials());
    }

    @Test
    void defaultsWithFailedAndPrunedTrialsArePinned() {
        Study s = study(new TpeSampler(9));
        s.optimize(t -> {
            double v = tenParameters(t);
            t.report(0, v);
            if (t.number() % 7 == 3) {
                throw new IllegalStateException("diverged");
            }
            if (t.number() % 4 == 1) {
                throw new TrialPruned();
            }
            return v;
        }, 120);
        assertFingerprint(0x82990f2826427095L, s.trials());
    }

    @Test
    void firstTrialsAfterStartupArePinnedByValue() {
        Study s = study(optuna(0));
        s.optimize(TpeSamplerFingerprintTest::tenParameters, 13);
        List<String> values = new ArrayList<>();
        for (FrozenTrial t : s.trials().subList(10, 13)) {
            values.add(t.params().get("f1") + " " + t.params().get("i2") + " " + t.params().get("c1"));
        }
        assertEquals(List.of("-9.223505645489313 10 a", "-9.864326198814561 35 a", "-4.009613316608789 32 a"),
                values);
    }

    @Test
    void independentTrialsArePinned() {
        Study s = study(TpeSampler.builder().seed(3).multivariate(false).build());
        s.optimize(TpeSamplerFingerprintTest::tenParameters, 80);
        assertFingerprint(0x6763c557a229d631L, s.trials());
    }

    @Test
    void groupTrialsOnAConditionalSpaceArePinned() {
        Study s = study(TpeSampler.builder().seed(5).group(true).optunaDefaults().build());
        s.optimize(TpeSamplerFingerprintTest::conditional, 80);
        assertFingerprint(0xc50fd80f2a2e2cafL, s.trials());
    }

    @Test
    void trialsWithPrunedOnesArePinned() {
        Study s = study(optuna(7));
        s.optimize(t -> {
            double v = tenParameters(t);
            t.report(0, v);
            if (t.number() % 3 == 0) {
                t.report(1, v / 2);
            }
            if (t.number() % 4 == 1) {
                throw new TrialPruned();
            }
            return v;
        }, 80);
        assertFingerprint(0x8f06839ebc51e4a5L, s.trials());
    }

    @Test
    void trialsAskedWhileOthersRunArePinned() {
        Study s = study(optuna(11));
        List<Trial> running = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            for (int k = 0; k < 3; k++) {
                Trial t = s.ask();
                // half of the parameters now, the rest when the trial is told: the liar sees partial trials too
                t.suggestFloat("f1", -10, 10);
                t.suggestInt("i1", 0, 100);
                running.add(t);
            }
            for (Trial t : running) {
                s.tell(t, tenParameters(t));
            }
            running.clear();
        }
        assertFingerprint(0xdb0f21ba9841a44fL, s.trials());
    }

    @Test
    void twoObjectiveTrialsArePinned() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(optuna(13))
                .pruner(new NopPruner()).build();
        s.optimizeMulti(t -> {
            double v = tenParameters(t);
            return new double[] {v, t.suggestFloat("f2", 0, 1) * 100 - v};
        }, 70);
        assertFingerprint(0x5a2992ec6455e613L, s.trials());
    }

    @Test
    void constrainedTrialsArePinned() {
        Study s = study(optuna(17));
        s.optimize(t -> {
            double v = tenParameters(t);
            t.setConstraint("f1 at least 2", 2 - t.suggestFloat("f1", -10, 10));
            return v;
        }, 80);
        assertEquals(TrialState.COMPLETE, s.trials().get(79).state());
        assertFingerprint(0xe8f301a2022408d1L, s.trials());
    }
}
