package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.TrialState;

/** Runs one trial that is expected to fail, and checks the reason the study recorded. */
final class Failures {

    private Failures() {
    }

    static void assertTrialFails(Study study, ObjectiveFunction objective, String... reasonParts) {
        study.optimize(objective, 1);
        FrozenTrial t = study.trials().get(study.trials().size() - 1);
        assertEquals(TrialState.FAIL, t.state());
        String reason = String.valueOf(t.systemAttrs().get(Study.FAIL_REASON_ATTR));
        assertTrue(reason.startsWith(IllegalArgumentException.class.getName()), reason);
        for (String part : reasonParts) {
            assertTrue(reason.contains(part), () -> "'" + reason + "' should mention " + part);
        }
    }
}
