package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;

/** Never prunes: every trial runs to the end. */
public final class NopPruner implements Pruner {

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return false;
    }
}
