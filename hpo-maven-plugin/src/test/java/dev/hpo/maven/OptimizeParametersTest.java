package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizeParametersTest {

    private static OptimizeParameters withTrials(Integer trials) {
        return new OptimizeParameters(trials, null, null, null, null, null, "journal:x.log", null, null, null, null, null, null);
    }

    @Test
    void configurationParametersAlwaysSetStudyModeAndOnlyTheGivenValues() {
        Map<String, String> p = new OptimizeParameters(40, 30, "random", null, 7L, 2, "journal:t/s.log",
                "A.b, C.d", null, null, null, null, null).configurationParameters();
        assertEquals(Map.of("hpo.mode", "study", "hpo.trials", "40", "hpo.timeout", "30", "hpo.sampler", "random",
                "hpo.seed", "7", "hpo.parallelism", "2", "hpo.storage", "journal:t/s.log", "hpo.objectives", "A.b, C.d"), p);
    }

    @Test
    void aTrialTimeoutGoesToTheEngineInSecondsAndMustBePositive() {
        assertEquals("30", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, null,
                null, null, 30).configurationParameters().get("hpo.trialTimeout"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, null, null, null, "journal:x", null, null, null, null, null, 0));
        assertEquals("invalid value '0' for parameter trialTimeout (hpo.trialTimeout): allowed is an integer of at"
                + " least 1", e.getMessage());
    }

    @Test
    void zeroTrialsNamesTheParameterAndTheAllowedValues() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> withTrials(0));
        assertEquals("invalid value '0' for parameter trials (hpo.trials): allowed is an integer of at least 1, or -1"
                + " (no limit) together with hpo.timeout or @Objective(timeout)", e.getMessage());
    }

    /** The objective's own {@code @Objective(timeout)} may bound the study; the engine fails one without either. */
    @Test
    void noTrialLimitWithoutATimeoutGoesToTheEngine() {
        assertEquals("-1", withTrials(-1).configurationParameters().get("hpo.trials"));
    }

    @Test
    void aKnownPrunerWithABadOptionSaysWhichOptionAndWhatItTakes() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, "hyperband:max-resorce=81", null, null, "journal:x", null, null, null, null, null, null));
        assertEquals("invalid value 'hyperband:max-resorce=81' for parameter pruner (hpo.pruner): unknown option"
                + " 'max-resorce'; options of hyperband: min-resource, max-resource, reduction-factor, bootstrap-count",
                e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, "percentile:percentile=150", null, null, "journal:x", null, null, null, null, null, null));
        assertEquals("invalid value 'percentile:percentile=150' for parameter pruner (hpo.pruner): percentile must be"
                + " between 0.0 and 100.0 inclusive, got 150.0", e.getMessage());
    }

    @Test
    void aKnownSamplerWithABadOptionSaysWhichOptionAndWhatItTakesAndAGoodOneGoesToTheEngine() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, "gp:deterministic=yes", null, null, null, "journal:x", null, null, null, null, null, null));
        assertEquals("invalid value 'gp:deterministic=yes' for parameter sampler (hpo.sampler): option deterministic"
                + " must be true or false, got 'yes'", e.getMessage());
        e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, "annealing:steps=3", null, null, null, "journal:x", null, null, null, null, null, null));
        assertTrue(e.getMessage().startsWith("invalid value 'annealing:steps=3' for parameter sampler (hpo.sampler):"
                + " allowed is one of auto, random, tpe"), e.getMessage());
        assertEquals("tpe:startup=20", new OptimizeParameters(null, null, "tpe:startup=20", null, null, null,
                "journal:x", null, null, null, null, null, null).configurationParameters().get("hpo.sampler"));
    }

    @Test
    void heartbeatGoesToTheEngineAndMustBeAtLeastOneSecond() {
        assertEquals("5", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, 5, null, null, null)
                .configurationParameters().get("hpo.heartbeat"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, null, null, null, "journal:x", null, null, 0, null, null, null));
        assertEquals("invalid value '0' for parameter heartbeat (hpo.heartbeat): allowed is an integer of at least 1",
                e.getMessage());
    }

    @Test
    void terminatorGoesToTheEngineAndAnUnknownOneIsRefused() {
        assertEquals("cv", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, null,
                null, " cv ", null).configurationParameters().get("hpo.terminator"));
        assertEquals("none", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, null,
                null, "none", null).configurationParameters().get("hpo.terminator"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, null, null, null, "journal:x", null, null, null, null, "-0.5", null));
        assertTrue(e.getMessage().startsWith("invalid value '-0.5' for parameter terminator (hpo.terminator): allowed"
                + " is 'cv'"), e.getMessage());
    }

    @Test
    void patienceGoesToTheEngineAndMayBeZero() {
        assertEquals("40", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, null, 40, null, null)
                .configurationParameters().get("hpo.patience"));
        assertEquals("0", new OptimizeParameters(null, null, null, null, null, null, "journal:x", null, null, null, 0, null, null)
                .configurationParameters().get("hpo.patience"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, null, null, null, "journal:x", null, null, null, -3, null, null));
        assertEquals("invalid value '-3' for parameter patience (hpo.patience): allowed is an integer of at least 0",
                e.getMessage());
    }

    @Test
    void anUnknownPrunerListsTheKnownPruners() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> new OptimizeParameters(
                null, null, null, "bogus:x=1", null, null, "journal:x", null, null, null, null, null, null));
        assertTrue(e.getMessage().startsWith("invalid value 'bogus:x=1' for parameter pruner (hpo.pruner): allowed is"
                + " one of median, "), e.getMessage());
    }

    @Test
    void unknownSamplerListsTheKnownSamplers() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new OptimizeParameters(null, null, "annealing", null, null, null, "journal:x", null, null, null, null, null, null));
        assertTrue(e.getMessage().startsWith("invalid value 'annealing' for parameter sampler (hpo.sampler): allowed is one of "),
                e.getMessage());
        assertTrue(e.getMessage().contains("random"), e.getMessage());
    }

    @Test
    void aClassNameIsLeftToTheForkWhichLoadsTheProjectsOwnSamplerOrPruner() {
        OptimizeParameters p = new OptimizeParameters(null, null, "com.acme.BanditSampler", "com.acme.PlateauPruner",
                null, null, "journal:x", null, null, null, null, null, null);
        assertEquals("com.acme.BanditSampler", p.configurationParameters().get("hpo.sampler"));
        assertEquals("com.acme.PlateauPruner", p.configurationParameters().get("hpo.pruner"));
    }

    @Test
    void unknownPrunerListsTheKnownPruners() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new OptimizeParameters(null, null, null, "guillotine", null, null, "journal:x", null, null, null, null, null, null));
        assertTrue(e.getMessage().contains("parameter pruner (hpo.pruner)"), e.getMessage());
    }

    @Test
    void inMemoryStorageIsRejectedBecauseTheForkWouldTakeItsResultsAlong() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> new OptimizeParameters(null, null, null, null, null, null, "memory:", null, null, null, null, null, null));
        assertTrue(e.getMessage().contains("parameter storage (hpo.storage)"), e.getMessage());
    }

    @Test
    void nonPositiveParallelismIsRejected() {
        assertThrows(InvalidParameterException.class,
                () -> new OptimizeParameters(null, null, null, null, null, 0, "journal:x", null, null, null, null, null, null));
    }
}
