package dev.hpo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@link Study#optimize(ObjectiveFunction, OptimizeOptions)} runs: how many more trials, for how long,
 * on how many threads, what to call after each trial and which exceptions mark a trial FAIL and let the study
 * go on. By default every {@link Exception} and {@link AssertionError} is caught, so one broken trial does not
 * stop a study; narrow that with {@link Builder#catching} to stop on anything unexpected.
 *
 * @param trials how many trials to run; -1 for no limit (then a timeout or {@link Study#stop()} ends it)
 * @param timeout wall-clock budget; no new trial starts after it; {@code null} for none
 * @param parallelism number of threads evaluating trials at once; -1 for one per available processor, as Optuna's
 *     {@code n_jobs=-1} (the record keeps the resolved count)
 */
public record OptimizeOptions(
        int trials,
        Duration timeout,
        int parallelism,
        List<TrialCallback> callbacks,
        List<Class<? extends Throwable>> catching) {

    public OptimizeOptions {
        if (trials < -1) {
            throw new IllegalArgumentException("trials must be -1 (no limit) or at least 0, got " + trials);
        }
        if (trials == -1 && timeout == null) {
            throw new IllegalArgumentException("with no trial limit, a timeout is needed");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (parallelism == -1) {
            parallelism = Runtime.getRuntime().availableProcessors();
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException(
                    "parallelism must be at least 1, or -1 for one thread per processor, got " + parallelism);
        }
        callbacks = List.copyOf(callbacks);
        catching = List.copyOf(catching);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when a throwable thrown by the objective marks the trial FAIL and the study goes on. */
    public boolean catches(Throwable t) {
        for (Class<? extends Throwable> c : catching) {
            if (c.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Options for {@link OptimizeOptions}. */
    public static final class Builder {
        private int trials = -1;
        private Duration timeout;
        private int parallelism = 1;
        private final List<TrialCallback> callbacks = new ArrayList<>();
        private List<Class<? extends Throwable>> catching = List.of(Exception.class, AssertionError.class);

        public Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Threads evaluating trials at once; -1 for one per available processor. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder callback(TrialCallback callback) {
            callbacks.add(callback);
            return this;
        }

        /** Only these exceptions mark a trial FAIL and let the study go on; any other stops it. */
        @SafeVarargs
        public final Builder catching(Class<? extends Throwable>... types) {
            this.catching = List.of(types);
            return this;
        }

        public OptimizeOptions build() {
            return new OptimizeOptions(trials, timeout, parallelism, callbacks, catching);
        }
    }
}
