package sample;

import dev.hpo.Direction;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Two objectives that pull apart (an error that falls as x grows, a cost that rises with it), gated together. */
class TradeOffTuning {

    @Objective(directions = {Direction.MINIMIZE, Direction.MINIMIZE}, trials = 6, seed = 7, metric = "error, cost",
            thresholds = {0.3, 0.9})
    double[] tradeOff(@FloatRange(min = 0, max = 1) double x) {
        return new double[] {(1 - x) * (1 - x), x};
    }
}
