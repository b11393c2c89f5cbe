package sample;

import dev.hpo.Direction;
import dev.hpo.junit.Choice;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.Objective;

/** Hyperparameters in a record: each component is a parameter of the study, the trial gets the record. */
class ForestTuning {

    record Forest(@IntRange(min = 10, max = 400, log = true) int trees, @IntRange(min = 2, max = 20) int depth,
            @Choice({"gini", "entropy"}) String split) {
    }

    @Objective(direction = Direction.MAXIMIZE, trials = 3, seed = 2)
    double accuracy(Forest forest) {
        return 0.8 + Math.log(forest.trees()) / 100 - Math.abs(forest.depth() - 8) / 100.0
                + (forest.split().equals("entropy") ? 0.01 : 0);
    }
}
