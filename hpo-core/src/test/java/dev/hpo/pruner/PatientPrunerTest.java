package dev.hpo.pruner;

import static dev.hpo.pruner.PercentilePrunerTest.assertMessage;
import static dev.hpo.pruner.PruningStudies.running;
import static dev.hpo.pruner.PruningStudies.study;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import org.junit.jupiter.api.Test;

class PatientPrunerTest {

    private static boolean prunes(Direction direction, Pruner pruner, double... values) {
        return running(study(direction, pruner), values).shouldPrune();
    }

    @Test
    void waitsForMoreThanPatiencePlusOneValues() {
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(null, 2), 1, 5, 5));
    }

    @Test
    void prunesWhenNoImprovementWithinPatienceStepsWhenMinimizing() {
        assertTrue(prunes(Direction.MINIMIZE, new PatientPruner(null, 2), 5, 4, 3, 3.5, 3.2, 3.1));
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(null, 2), 5, 4, 3, 3.5, 3.2, 2.9));
    }

    @Test
    void prunesWhenNoImprovementWithinPatienceStepsWhenMaximizing() {
        assertTrue(prunes(Direction.MAXIMIZE, new PatientPruner(null, 1), 1, 3, 2, 2.5));
        assertFalse(prunes(Direction.MAXIMIZE, new PatientPruner(null, 1), 1, 3, 2, 3.5));
    }

    @Test
    void matchingTheEarlierBestIsNotAStall() {
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(null, 1), 3, 2, 2, 2));
    }

    @Test
    void minDeltaToleratesSmallWorsening() {
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(null, 1, 0.5), 3, 2, 2.4, 2.3));
        assertTrue(prunes(Direction.MINIMIZE, new PatientPruner(null, 1, 0.5), 3, 2, 2.6, 2.7));
    }

    @Test
    void theWrappedPrunerDecidesOnceTheTrialStalled() {
        Pruner never = (study, trial) -> false;
        Pruner always = (study, trial) -> true;
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(never, 1), 1, 2, 3));
        assertTrue(prunes(Direction.MINIMIZE, new PatientPruner(always, 1), 1, 2, 3));
        assertFalse(prunes(Direction.MINIMIZE, new PatientPruner(always, 1), 3, 2, 1), "still improving");
    }

    @Test
    void invalidOptionsAreRejected() {
        assertMessage(() -> new PatientPruner(null, -1), "patience", "-1");
        assertMessage(() -> new PatientPruner(null, 1, -0.1), "minDelta", "-0.1");
    }
}
