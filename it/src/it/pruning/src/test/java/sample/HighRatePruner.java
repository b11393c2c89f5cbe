package sample;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.pruner.Pruner;

/** The project's own pruner: a trial whose rate is above one half is stopped once it has reported step 3. */
public class HighRatePruner implements Pruner {

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        return trial.lastStep() >= 3 && ((Number) trial.params().get("rate")).doubleValue() > 0.5;
    }
}
