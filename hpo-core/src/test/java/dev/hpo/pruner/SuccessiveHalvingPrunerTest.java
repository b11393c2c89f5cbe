package dev.hpo.pruner;

import static dev.hpo.pruner.PercentilePrunerTest.assertMessage;
import static dev.hpo.pruner.PruningStudies.complete;
import static dev.hpo.pruner.PruningStudies.running;
import static dev.hpo.pruner.PruningStudies.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.Trial;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTest {

    private static SuccessiveHalvingPruner asha(int minResource, int reductionFactor) {
        return SuccessiveHalvingPruner.builder().minResource(minResource).reductionFactor(reductionFactor).build();
    }

    private static Map<String, Object> storedAttrs(Study study, Trial trial) {
        return study.storage().trial(trial.id()).systemAttrs();
    }

    @Test
    void noDecisionBeforeTheFirstRungEnds() {
        Study study = study(Direction.MINIMIZE, asha(2, 2));
        running(study, 0.0).shouldPrune();
        Trial worse = running(study, 9.0);
        assertFalse(worse.shouldPrune(), "rung 0 ends at step 2");
        assertFalse(storedAttrs(study, worse).containsKey("completed_rung_0"));
    }

    @Test
    void recordsTheValueAtTheEndOfARungAsSystemAttribute() {
        Study study = study(Direction.MINIMIZE, asha(1, 2));
        Trial first = running(study, 5.0, 4.0);
        assertFalse(first.shouldPrune(), "the first trial at a rung leads it");
        assertEquals(4.0, storedAttrs(study, first).get("completed_rung_0"));
        assertFalse(first.shouldPrune(), "asking again at the same step changes nothing");
        assertEquals(Map.of("completed_rung_0", 4.0), storedAttrs(study, first));
    }

    @Test
    void promotesOnlyTheBestFractionOfARungWhenMinimizing() {
        Study study = study(Direction.MINIMIZE, asha(1, 2));
        assertFalse(running(study, 0, 1.0).shouldPrune());
        assertTrue(running(study, 0, 2.0).shouldPrune(), "of 2 values only the best goes on");
        assertFalse(running(study, 0, 0.5).shouldPrune());
        assertTrue(running(study, 0, 1.5).shouldPrune(), "of {0.5, 1, 1.5, 2} the best 2 go on");
        assertFalse(running(study, 0, 0.9).shouldPrune(), "of 5 values the best 2 (0.5, 0.9) go on");
    }

    @Test
    void promotesOnlyTheBestFractionOfARungWhenMaximizing() {
        Study study = study(Direction.MAXIMIZE, asha(1, 2));
        assertFalse(running(study, 0, 1.0).shouldPrune());
        assertFalse(running(study, 0, 2.0).shouldPrune());
        assertTrue(running(study, 0, 0.5).shouldPrune());
    }

    @Test
    void aPromotedTrialCompetesAgainAtTheNextRung() {
        Study study = study(Direction.MINIMIZE, asha(1, 2));
        Trial leader = running(study, 0, 1.0, 1.0);
        assertFalse(leader.shouldPrune(), "leads rung 0 and, alone, rung 1 (ends at step 2)");
        assertEquals(1.0, storedAttrs(study, leader).get("completed_rung_1"));
        Trial follower = running(study, 0, 0.5);
        assertFalse(follower.shouldPrune(), "best at rung 0");
        follower.report(2, 3.0);
        assertTrue(follower.shouldPrune(), "worse than the leader at rung 1");
    }

    @Test
    void minEarlyStoppingRateDelaysTheFirstRung() {
        Study study = study(Direction.MINIMIZE,
                SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(2).minEarlyStoppingRate(2).build());
        running(study, 0, 0, 0, 0, 1.0).shouldPrune();
        Trial worse = running(study, 9, 9, 9);
        assertFalse(worse.shouldPrune(), "rung 0 ends at 1 * 2^2 = 4");
        worse.report(3, 9);
        worse.report(4, 9);
        assertTrue(worse.shouldPrune());
    }

    @Test
    void bootstrapTrialsStopAtTheRungUntilEnoughReachedIt() {
        Study study = study(Direction.MINIMIZE,
                SuccessiveHalvingPruner.builder().minResource(1).reductionFactor(2).bootstrapCount(2).build());
        assertTrue(running(study, 0, 1.0).shouldPrune());
        assertTrue(running(study, 0, 2.0).shouldPrune());
        assertFalse(running(study, 0, 0.5).shouldPrune());
    }

    @Test
    void automaticMinResourceWaitsForACompletedTrial() {
        Study study = study(Direction.MINIMIZE, new SuccessiveHalvingPruner());
        running(study, 0, 1.0).shouldPrune();
        Trial worse = running(study, 0, 9.0);
        assertFalse(worse.shouldPrune(), "no completed trial: no minimum resource yet");
        assertTrue(storedAttrs(study, worse).isEmpty());
    }

    @Test
    void automaticMinResourceIsOneHundredthOfTheLongestCompletedTrial() {
        Study study = study(Direction.MINIMIZE, new SuccessiveHalvingPruner());
        complete(study, new double[401]);
        Trial t = running(study, 1, 1, 1);
        assertFalse(t.shouldPrune());
        assertFalse(storedAttrs(study, t).containsKey("completed_rung_0"), "r = 400 / 100 = 4; step 2 < 4");
        t.report(3, 1);
        t.report(4, 1);
        t.shouldPrune();
        assertTrue(storedAttrs(study, t).containsKey("completed_rung_0"));
    }

    @Test
    void nanAtTheEndOfARungPrunes() {
        Study study = study(Direction.MINIMIZE, asha(1, 2));
        assertTrue(running(study, 0, Double.NaN).shouldPrune());
    }

    @Test
    void invalidOptionsAreRejectedNamingTheOptionAndValue() {
        assertMessage(() -> SuccessiveHalvingPruner.builder().minResource(0), "minResource", "0");
        assertMessage(() -> SuccessiveHalvingPruner.builder().reductionFactor(1).build(), "reductionFactor", "1");
        assertMessage(() -> SuccessiveHalvingPruner.builder().minEarlyStoppingRate(-1).build(),
                "minEarlyStoppingRate", "-1");
        assertMessage(() -> SuccessiveHalvingPruner.builder().bootstrapCount(-1).minResource(1).build(),
                "bootstrapCount", "-1");
        assertMessage(() -> SuccessiveHalvingPruner.builder().bootstrapCount(2).build(), "bootstrapCount",
                "minResource");
    }
}
