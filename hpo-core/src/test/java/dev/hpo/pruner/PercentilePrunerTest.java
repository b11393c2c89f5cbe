package dev.hpo.pruner;

import static dev.hpo.pruner.PruningStudies.complete;
import static dev.hpo.pruner.PruningStudies.finished;
import static dev.hpo.pruner.PruningStudies.running;
import static dev.hpo.pruner.PruningStudies.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilePrunerTest {

    private static Study withReferences(Direction direction, Pruner pruner, double... atStepZero) {
        Study study = study(direction, pruner);
        for (double v : atStepZero) {
            complete(study, v);
        }
        return study;
    }

    @Test
    void medianPrunerPrunesTrialWorseThanMedianWhenMinimizing() {
        Study study = withReferences(Direction.MINIMIZE, new MedianPruner(0, 0), 1, 2, 3);
        assertTrue(running(study, 2.5).shouldPrune());
        assertFalse(running(study, 2.0).shouldPrune());
        assertFalse(running(study, 1.5).shouldPrune());
    }

    @Test
    void medianPrunerPrunesTrialWorseThanMedianWhenMaximizing() {
        Study study = withReferences(Direction.MAXIMIZE, new MedianPruner(0, 0), 1, 2, 3);
        assertTrue(running(study, 1.5).shouldPrune());
        assertFalse(running(study, 2.0).shouldPrune());
        assertFalse(running(study, 2.5).shouldPrune());
    }

    @Test
    void noPruningUntilStartupTrialsComplete() {
        Study study = withReferences(Direction.MINIMIZE, new MedianPruner(3, 0), 1, 1);
        Trial bad = running(study, 100);
        assertFalse(bad.shouldPrune());
        complete(study, 1);
        assertTrue(bad.shouldPrune());
    }

    @Test
    void onlyCompletedTrialsAreReferences() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        finished(study, TrialState.PRUNED, 1);
        finished(study, TrialState.FAIL, 1);
        running(study, 1);
        assertFalse(running(study, 100).shouldPrune(), "no completed trial yet");
    }

    @Test
    void judgesTheBestIntermediateValueOverAllSteps() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0));
        complete(study, 3, 2);
        complete(study, 3, 2);
        assertFalse(running(study, 1, 5).shouldPrune(), "best so far 1 beats median 2 at step 1");
        assertTrue(running(study, 4, 5).shouldPrune());
    }

    @Test
    void noPruningDuringWarmupSteps() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 2));
        complete(study, 1, 1, 1);
        Trial bad = study.ask();
        List<Boolean> decisions = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            bad.report(step, 10);
            decisions.add(bad.shouldPrune());
        }
        assertEquals(List.of(false, false, true), decisions);
    }

    @Test
    void judgesOncePerIntervalAfterWarmup() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 1, 3, 1));
        complete(study, 1, 1, 1, 1, 1, 1, 1, 1);
        Trial bad = study.ask();
        List<Boolean> decisions = new ArrayList<>();
        for (int step = 0; step < 8; step++) {
            bad.report(step, 10);
            decisions.add(bad.shouldPrune());
        }
        // warm-up ends at step 1; checks at steps 1, 4, 7
        assertEquals(List.of(false, true, false, false, true, false, false, true), decisions);
    }

    @Test
    void aMissedCheckStepIsPostponedToTheNextReport() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0, 3, 1));
        complete(study, 1, 1, 1, 1, 1, 1);
        Trial bad = study.ask();
        bad.report(0, 10);
        bad.report(4, 10);
        assertTrue(bad.shouldPrune(), "step 3 was not reported, so step 4 is checked");
        bad.report(5, 10);
        assertFalse(bad.shouldPrune(), "step 5 is in the interval already judged at step 4");
    }

    @Test
    void noPruningWhenFewerThanMinTrialsReportedTheStep() {
        Study study = study(Direction.MINIMIZE, new MedianPruner(0, 0, 1, 3));
        complete(study, 1, 1);
        complete(study, 1, 1);
        complete(study, 1);
        assertTrue(running(study, 10).shouldPrune(), "three trials reported step 0");
        assertFalse(running(study, 10, 10).shouldPrune(), "only two trials reported step 1");
    }

    @Test
    void allNanIntermediateValuesArePruned() {
        Study study = withReferences(Direction.MINIMIZE, new MedianPruner(0, 0), 1, 2, 3);
        assertTrue(running(study, Double.NaN).shouldPrune());
    }

    @Test
    void nanReferenceValuesAreIgnored() {
        Study study = withReferences(Direction.MINIMIZE, new MedianPruner(0, 0), Double.NaN, 1, 3);
        assertFalse(running(study, 1.9).shouldPrune(), "median of {1, 3} is 2");
    }

    @Test
    void percentile25KeepsOnlyTheBestQuarter() {
        double[] refs = {1, 2, 3, 4, 5};
        assertTrue(running(withReferences(Direction.MINIMIZE, new PercentilePruner(25, 0, 0, 1, 1), refs), 2.5)
                .shouldPrune());
        assertFalse(running(withReferences(Direction.MINIMIZE, new MedianPruner(0, 0), refs), 2.5).shouldPrune());
        assertTrue(running(withReferences(Direction.MAXIMIZE, new PercentilePruner(25, 0, 0, 1, 1), refs), 3.5)
                .shouldPrune(), "the best quarter of a maximized value lies above its 75th percentile, 4");
    }

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        assertEquals(1.0, PercentilePruner.nanPercentile(new double[] {3, 1, 2}, 0), 1e-12);
        assertEquals(1.5, PercentilePruner.nanPercentile(new double[] {3, 1, 2}, 25), 1e-12);
        assertEquals(3.0, PercentilePruner.nanPercentile(new double[] {3, 1, 2}, 100), 1e-12);
        assertTrue(Double.isNaN(PercentilePruner.nanPercentile(new double[] {Double.NaN}, 50)));
    }

    @Test
    void prunedTrialKeepsLastIntermediateValue() {
        Study study = withReferences(Direction.MINIMIZE, new MedianPruner(0, 0), 1, 2, 3);
        study.optimize(trial -> {
            trial.report(0, 7.0);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
            return 7.0;
        }, 1);
        FrozenTrial last = study.trials().get(3);
        assertEquals(TrialState.PRUNED, last.state());
        assertEquals(7.0, last.value());
    }

    @Test
    void invalidOptionsAreRejectedNamingTheOptionAndValue() {
        assertMessage(() -> new PercentilePruner(101), "percentile", "101");
        assertMessage(() -> new PercentilePruner(-1), "percentile", "-1");
        assertMessage(() -> new MedianPruner(-1, 0), "nStartupTrials", "-1");
        assertMessage(() -> new MedianPruner(0, -2), "nWarmupSteps", "-2");
        assertMessage(() -> new MedianPruner(0, 0, 0, 1), "intervalSteps", "0");
        assertMessage(() -> new MedianPruner(0, 0, 1, 0), "nMinTrials", "0");
    }

    static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' should mention " + part);
        }
    }
}
