package dev.hpo;

/**
 * Called after every finished trial of {@link Study#optimize}, on the thread that ran it. A callback may
 * stop the study ({@link Study#stop()}), log, or enqueue further trials.
 */
@FunctionalInterface
public interface TrialCallback {
    void afterTrial(Study study, FrozenTrial trial);
}
