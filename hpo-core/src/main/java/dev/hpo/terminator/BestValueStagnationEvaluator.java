package dev.hpo.terminator;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.util.EnumSet;
import java.util.List;

/**
 * The trials a study may still run without a new best value (Optuna's {@code BestValueStagnationEvaluator}): the
 * allowed stagnation minus the completed trials since the best one. Unlike the other evaluators it counts trials, not
 * units of the objective, and goes below 0 once the study has stagnated too long, so it is paired with an error of 0
 * ({@link Terminator#onStagnation}): a cheap terminator for any objective, which needs no model.
 */
public final class BestValueStagnationEvaluator implements ImprovementEvaluator {

    private final int maxStagnationTrials;

    /** @param maxStagnationTrials completed trials without a new best value that the study may run, at least 0 */
    public BestValueStagnationEvaluator(int maxStagnationTrials) {
        if (maxStagnationTrials < 0) {
            throw new IllegalArgumentException("the trials allowed without a new best value must be at least 0, got "
                    + maxStagnationTrials);
        }
        this.maxStagnationTrials = maxStagnationTrials;
    }

    @Override
    public double evaluate(Study study) {
        if (study.directions().size() != 1) {
            throw new IllegalArgumentException("study " + study.name() + " has " + study.directions().size()
                    + " objectives; the stagnation of a best value needs one");
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        if (complete.isEmpty()) {
            throw new IllegalStateException("study " + study.name() + " has no completed trial to measure stagnation"
                    + " from");
        }
        boolean maximize = study.direction() == Direction.MAXIMIZE;
        int best = 0;
        for (int i = 1; i < complete.size(); i++) {
            double value = complete.get(i).value();
            double bestValue = complete.get(best).value();
            if (maximize ? value > bestValue : value < bestValue) {
                best = i;
            }
        }
        int stagnation = complete.size() - 1 - best;
        return maxStagnationTrials - stagnation;
    }
}
