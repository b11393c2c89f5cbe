package dev.hpo.pruner;

import static dev.hpo.pruner.PercentilePrunerTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class PrunersTest {

    @Test
    void defaultIsTheMedianPruner() {
        assertInstanceOf(MedianPruner.class, Pruners.createDefault());
        assertInstanceOf(MedianPruner.class, Pruners.byName(null));
        assertInstanceOf(MedianPruner.class, Pruners.byName("default"));
    }

    @Test
    void everyKnownNameBuildsAPruner() {
        for (String name : Pruners.NAMES) {
            String withOptions = name.equals("threshold") ? "threshold:upper=1" : name;
            assertInstanceOf(Pruner.class, Pruners.byName(withOptions), name);
        }
        assertInstanceOf(SuccessiveHalvingPruner.class, Pruners.byName("ASHA"));
        assertInstanceOf(NopPruner.class, Pruners.byName("none"));
    }

    @Test
    void optionsFollowTheName() {
        PercentilePruner p = (PercentilePruner) Pruners.byName("percentile:percentile=10,startup=2,warmup=3");
        assertEquals(10.0, p.percentile());
        assertEquals(2, p.nStartupTrials());
        assertEquals(3, p.nWarmupSteps());
        assertEquals(25.0, ((PercentilePruner) Pruners.byName("percentile")).percentile());
        ThresholdPruner t = (ThresholdPruner) Pruners.byName("threshold: lower=0.5, upper=2");
        assertEquals(0.5, t.lowerBound());
        assertEquals(2.0, t.upperBound());
        assertEquals(5, ((HyperbandPruner) Pruners.byName("hyperband:max-resource=81")).bracketCount());
        assertInstanceOf(SuccessiveHalvingPruner.class, Pruners.byName("asha:min-resource=auto,reduction-factor=3"));
        WilcoxonPruner w = (WilcoxonPruner) Pruners.byName("wilcoxon:p-threshold=0.05,startup-steps=5");
        assertEquals(0.05, w.pThreshold());
        assertEquals(5, w.nStartupSteps());
        assertEquals(0.1, ((WilcoxonPruner) Pruners.byName("wilcoxon")).pThreshold());
    }

    @Test
    void unknownNameIsRejectedWithTheKnownNames() {
        assertMessage(() -> Pruners.byName("medain"), "'medain'", "median", "hyperband", "none");
    }

    @Test
    void thresholdWithoutBoundIsRejected() {
        assertMessage(() -> Pruners.byName("threshold"), "threshold:upper=");
    }

    @Test
    void badOptionsAreRejectedNamingThem() {
        assertMessage(() -> Pruners.byName("median:patience=3"), "patience", "startup");
        assertMessage(() -> Pruners.byName("median:startup=many"), "startup", "many");
        assertMessage(() -> Pruners.byName("median:startup"), "startup", "key=value");
        assertMessage(() -> Pruners.byName("hyperband:reduction-factor=1"), "reductionFactor", "1");
        assertMessage(() -> Pruners.byName("wilcoxon:p-threshold=2"), "pThreshold", "2");
        assertMessage(() -> Pruners.byName("wilcoxon:warmup=2"), "warmup", "p-threshold", "startup-steps");
    }
}
