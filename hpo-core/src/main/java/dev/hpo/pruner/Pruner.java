package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;

/**
 * Decides whether a running trial should stop early, from the intermediate values it and the study's other
 * trials reported. Called by {@link dev.hpo.Trial#shouldPrune()}; safe to call from many threads.
 */
public interface Pruner {

    /** True when the trial should be pruned now. */
    boolean prune(Study study, FrozenTrial trial);
}
