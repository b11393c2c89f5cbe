package dev.hpo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Gives a failed trial another chance: enqueues a WAITING trial with the same parameters (and user attributes),
 * which the next worker evaluates. Meant as the {@link Study.Builder#failedTrialCallback} for trials whose worker
 * died, where the failure says nothing about the parameters. The new trial records the number of the first
 * trial of the chain ({@value #FAILED_TRIAL_ATTR}) and every failed attempt ({@value #RETRY_HISTORY_ATTR}), as
 * Optuna's callback of the same name does; after {@code maxRetry} retries it gives up.
 */
public final class RetryFailedTrialCallback implements TrialCallback {

    /** System attribute: the number of the trial this one retries (the first of the chain). */
    public static final String FAILED_TRIAL_ATTR = "failed_trial";
    /** System attribute: the numbers of the failed attempts so far, oldest first. */
    public static final String RETRY_HISTORY_ATTR = "retry_history";

    private final int maxRetry;

    /** @param maxRetry how many times one set of parameters is retried; at least 0 */
    public RetryFailedTrialCallback(int maxRetry) {
        if (maxRetry < 0) {
            throw new IllegalArgumentException("maxRetry must be at least 0, got " + maxRetry);
        }
        this.maxRetry = maxRetry;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (trial.state() != TrialState.FAIL) {
            return;
        }
        List<Object> history = new ArrayList<>();
        if (trial.systemAttrs().get(RETRY_HISTORY_ATTR) instanceof List<?> earlier) {
            history.addAll(earlier);
        }
        history.add(trial.number());
        if (history.size() > maxRetry) {
            return;
        }
        Map<String, Object> system = new LinkedHashMap<>();
        system.put(FAILED_TRIAL_ATTR, trial.systemAttrs().getOrDefault(FAILED_TRIAL_ATTR, trial.number()));
        system.put(RETRY_HISTORY_ATTR, history);
        FrozenTrial retry = new FrozenTrial(0, -1, TrialState.WAITING, null, trial.params(), trial.distributions(),
                null, trial.userAttrs(), system, null, null);
        study.storage().createTrial(study.id(), retry);
    }

    /**
     * The number of the trial a retry repeats (the first of its chain); empty when the trial is no retry, as Optuna's
     * {@code retried_trial_number} gives {@code None}, so that a first attempt cannot be taken for a retry of itself.
     */
    public static OptionalInt retriedTrialNumber(FrozenTrial trial) {
        return trial.systemAttrs().get(FAILED_TRIAL_ATTR) instanceof Number n ? OptionalInt.of(n.intValue())
                : OptionalInt.empty();
    }

    /** The numbers of the failed attempts a retry follows, oldest first; empty when the trial is no retry. */
    public static List<Integer> retryHistory(FrozenTrial trial) {
        if (!(trial.systemAttrs().get(RETRY_HISTORY_ATTR) instanceof List<?> history)) {
            return List.of();
        }
        return history.stream().map(n -> ((Number) n).intValue()).toList();
    }
}
