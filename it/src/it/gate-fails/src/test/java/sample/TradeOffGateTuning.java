package sample;

import dev.hpo.Direction;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;

/** Two objectives whose thresholds no trial reaches at once: error falls as x grows, cost rises with it. */
class TradeOffGateTuning {

    @Objective(directions = {Direction.MINIMIZE, Direction.MINIMIZE}, trials = 5, seed = 1, metric = "error, cost",
            thresholds = {0.1, 0.1})
    double[] tradeOff(@FloatRange(min = 0, max = 1) double x) {
        return new double[] {(1 - x) * (1 - x), x};
    }
}
