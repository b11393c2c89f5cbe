package dev.hpo.pruner;

import static dev.hpo.pruner.PercentilePrunerTest.assertMessage;
import static dev.hpo.pruner.PruningStudies.running;
import static dev.hpo.pruner.PruningStudies.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.Trial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdPrunerTest {

    @Test
    void prunesAboveUpperBoundFromTheFirstTrial() {
        Study study = study(Direction.MAXIMIZE, ThresholdPruner.upper(1.0));
        assertTrue(running(study, 1.5).shouldPrune());
        assertFalse(running(study, 1.0).shouldPrune());
    }

    @Test
    void prunesBelowLowerBound() {
        Study study = study(Direction.MINIMIZE, ThresholdPruner.lower(0.5));
        assertTrue(running(study, 0.4).shouldPrune());
        assertFalse(running(study, 0.5).shouldPrune());
    }

    @Test
    void judgesOnlyTheLatestValue() {
        Study study = study(Direction.MINIMIZE, ThresholdPruner.between(0, 1));
        assertFalse(running(study, 5, 0.5).shouldPrune());
        assertTrue(running(study, 0.5, 5).shouldPrune());
    }

    @Test
    void nanPrunes() {
        Study study = study(Direction.MINIMIZE, ThresholdPruner.upper(1.0));
        assertTrue(running(study, Double.NaN).shouldPrune());
    }

    @Test
    void warmupAndIntervalLimitTheChecks() {
        Study study = study(Direction.MINIMIZE,
                ThresholdPruner.builder().upper(1.0).nWarmupSteps(2).intervalSteps(2).build());
        Trial trial = study.ask();
        List<Boolean> decisions = new ArrayList<>();
        for (int step = 0; step < 6; step++) {
            trial.report(step, 9.0);
            decisions.add(trial.shouldPrune());
        }
        assertEquals(List.of(false, false, true, false, true, false), decisions);
    }

    @Test
    void invalidBoundsAreRejected() {
        assertMessage(() -> ThresholdPruner.builder().build(), "lower", "upper");
        assertMessage(() -> ThresholdPruner.between(2, 1), "lower 2.0 > upper 1.0");
        assertMessage(() -> ThresholdPruner.upper(Double.NaN), "upper", "NaN");
        assertMessage(() -> ThresholdPruner.builder().upper(1).nWarmupSteps(-1).build(), "nWarmupSteps", "-1");
        assertMessage(() -> ThresholdPruner.builder().upper(1).intervalSteps(0).build(), "intervalSteps", "0");
    }
}
