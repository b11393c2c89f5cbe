package dev.hpo;

/** The life cycle of a trial, with the same states (and meaning) as Optuna's. */
public enum TrialState {
    /** Created and being evaluated by a worker. */
    RUNNING,
    /** The objective returned finite value(s). */
    COMPLETE,
    /** Stopped early by a pruner; keeps its last intermediate value. */
    PRUNED,
    /** The objective threw, returned NaN, or its worker died. */
    FAIL,
    /** Enqueued and waiting for a worker to pick it up. */
    WAITING;

    /** True for the states a trial never leaves. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
