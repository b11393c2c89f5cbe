package dev.hpo.terminator;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialCallback;

/** Stops a study once its {@link Terminator} says more trials would chase noise (Optuna's
 * {@code TerminatorCallback}). */
public final class TerminatorCallback implements TrialCallback {

    private final Terminator terminator;

    /** With the default {@link Terminator}. */
    public TerminatorCallback() {
        this(new Terminator());
    }

    public TerminatorCallback(Terminator terminator) {
        this.terminator = terminator;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (terminator.shouldTerminate(study)) {
            study.stop();
        }
    }
}
