package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The cap on finished trials and the retry of failed trials. */
class TrialCallbacksTest {

    @Test
    void maxTrialsCallbackStopsWhenTheStorageHoldsTheCap() {
        try (Study study = Study.builder().build()) {
            study.optimize(t -> t.suggestFloat("x", 0, 1), 3);
            study.optimize(t -> t.suggestFloat("x", 0, 1),
                    OptimizeOptions.builder().trials(100).callback(new MaxTrialsCallback(5)).build());
            assertEquals(5, study.trials().size());
        }
    }

    @Test
    void retryFailedTrialCallbackEnqueuesTheSameParamsUpToMaxRetry() {
        try (Study study = Study.builder().build()) {
            RetryFailedTrialCallback retry = new RetryFailedTrialCallback(2);
            study.optimize(t -> {
                t.suggestFloat("x", 0, 1);
                throw new IllegalStateException("always");
            }, OptimizeOptions.builder().trials(4).callback(retry).build());
            List<FrozenTrial> trials = study.trials();
            assertEquals(trials.get(0).params(), trials.get(1).params());
            assertEquals(trials.get(0).params(), trials.get(2).params());
            assertEquals(List.of(0, 1), trials.get(2).systemAttrs().get(RetryFailedTrialCallback.RETRY_HISTORY_ATTR));
            assertEquals(List.of(0, 1), RetryFailedTrialCallback.retryHistory(trials.get(2)));
            assertEquals(OptionalInt.of(0), RetryFailedTrialCallback.retriedTrialNumber(trials.get(2)));
            assertEquals(OptionalInt.empty(), RetryFailedTrialCallback.retriedTrialNumber(trials.get(0)), "no retry");
            assertEquals(List.of(), RetryFailedTrialCallback.retryHistory(trials.get(0)));
            assertEquals(OptionalInt.empty(), RetryFailedTrialCallback.retriedTrialNumber(trials.get(3)),
                    "no third attempt of trial 0's parameters: trial 3 is a new one");
        }
    }
}
