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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {

    private static HyperbandPruner hyperband(int maxResource) {
        return HyperbandPruner.builder().minResource(1).maxResource(maxResource).reductionFactor(3).build();
    }

    @Test
    void bracketCountIsFloorOfLogEtaOfResourceRatioPlusOne() {
        assertEquals(3, hyperband(9).bracketCount());
        assertEquals(5, hyperband(81).bracketCount());
        assertEquals(1, HyperbandPruner.builder().minResource(4).maxResource(4).build().bracketCount());
    }

    @Test
    void bracketsAreAssignedByOptunasHashOfStudyNameAndTrialNumber() {
        // Budgets for 3 brackets of η = 3 are 9, 5, 3; expected ids computed with Python's binascii.crc32.
        HyperbandPruner pruner = hyperband(9);
        List<Integer> brackets = IntStream.range(0, 20).mapToObj(n -> pruner.bracketOf("hb", n)).toList();
        assertEquals(List.of(0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0, 1, 1, 1, 0, 2, 0, 2, 0), brackets);
    }

    @Test
    void trialsCompeteOnlyWithinTheirBracket() {
        HyperbandPruner pruner = hyperband(9);
        Study study = study("hb", Direction.MINIMIZE, pruner);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            trials.add(study.ask());
        }
        // Trials 0 and 1 are in bracket 0 (first rung ends at step 1), trial 4 in bracket 1 (ends at step 3).
        Trial leader = trials.get(0);
        leader.report(0, 0);
        leader.report(1, 0.1);
        assertFalse(leader.shouldPrune());

        Trial sameBracket = trials.get(1);
        sameBracket.report(0, 0);
        sameBracket.report(1, 5.0);
        assertTrue(sameBracket.shouldPrune(), "worse than the bracket-0 leader");

        Trial otherBracket = trials.get(4);
        for (int step = 0; step <= 3; step++) {
            otherBracket.report(step, 5.0);
        }
        assertFalse(otherBracket.shouldPrune(), "alone in bracket 1, it leads its rung");
        assertEquals(5.0, study.storage().trial(otherBracket.id()).systemAttrs().get("completed_rung_0"));
    }

    @Test
    void automaticMaxResourceWaitsForACompletedTrial() {
        HyperbandPruner pruner = new HyperbandPruner();
        Study study = study("hb", Direction.MINIMIZE, pruner);
        assertEquals(-1, pruner.bracketCount());
        assertFalse(running(study, 9, 9, 9).shouldPrune());
        complete(study, new double[9]);
        running(study, 1).shouldPrune();
        assertEquals(3, pruner.bracketCount(), "R = last step 8 + 1 = 9");
    }

    @Test
    void invalidOptionsAreRejectedNamingTheOptionAndValue() {
        assertMessage(() -> HyperbandPruner.builder().minResource(0).build(), "minResource", "0");
        assertMessage(() -> HyperbandPruner.builder().reductionFactor(1).build(), "reductionFactor", "1");
        assertMessage(() -> HyperbandPruner.builder().minResource(10).maxResource(5).build(), "maxResource", "5");
        assertMessage(() -> HyperbandPruner.builder().bootstrapCount(1).build(), "bootstrapCount", "maxResource");
    }
}
