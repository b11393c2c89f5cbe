package dev.hpo.terminator;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * An error for objectives that have no cross-validation scores and no known noise (Optuna's
 * {@code MedianErrorEvaluator}, a heuristic of Ishibashi et al. 2023, "A stopping criterion for Bayesian optimization
 * by the gap of expected minimum simple regrets"): a small share of how much the study could improve early on. The
 * paired improvement evaluator, the same kind as the terminator's, is run on the first {@code initialTrials}
 * growing prefixes of the completed trials after {@code warmUpTrials} (which are mostly random); the median of those
 * bounds times {@code thresholdRatio} is the error. The study thus stops once the improvement still possible has
 * fallen to about a hundredth of what it was at the start.
 *
 * <p>Until {@code warmUpTrials + initialTrials} trials have completed the error is −∞, so nothing stops; then it is
 * computed once and kept, since those first trials do not change.
 */
public final class MedianErrorEvaluator implements ErrorEvaluator {

    public static final int DEFAULT_WARM_UP_TRIALS = 10;
    public static final int DEFAULT_INITIAL_TRIALS = 20;
    public static final double DEFAULT_THRESHOLD_RATIO = 0.01;

    private final ImprovementEvaluator paired;
    private final int warmUpTrials;
    private final int initialTrials;
    private final double thresholdRatio;
    private Double threshold;

    /** Optuna's defaults: 10 warm-up trials, 20 initial trials, a hundredth of their median bound. */
    public MedianErrorEvaluator(ImprovementEvaluator paired) {
        this(paired, DEFAULT_WARM_UP_TRIALS, DEFAULT_INITIAL_TRIALS, DEFAULT_THRESHOLD_RATIO);
    }

    public MedianErrorEvaluator(ImprovementEvaluator paired, int warmUpTrials, int initialTrials,
            double thresholdRatio) {
        if (paired == null) {
            throw new IllegalArgumentException("the median error needs the terminator's improvement evaluator");
        }
        if (warmUpTrials < 0) {
            throw new IllegalArgumentException("warmUpTrials must be at least 0, got " + warmUpTrials);
        }
        if (initialTrials < 1) {
            throw new IllegalArgumentException("initialTrials must be at least 1, got " + initialTrials);
        }
        if (!(thresholdRatio > 0) || Double.isInfinite(thresholdRatio)) {
            throw new IllegalArgumentException("thresholdRatio must be a finite number above 0, got " + thresholdRatio);
        }
        this.paired = paired;
        this.warmUpTrials = warmUpTrials;
        this.initialTrials = initialTrials;
        this.thresholdRatio = thresholdRatio;
    }

    @Override
    public synchronized double evaluate(Study study) {
        if (threshold != null) {
            return threshold;
        }
        List<FrozenTrial> complete = new ArrayList<>(study.trials(EnumSet.of(TrialState.COMPLETE)));
        if (complete.size() < warmUpTrials + initialTrials) {
            return Double.NEGATIVE_INFINITY;  // nothing is below it: the study goes on
        }
        complete.sort(Comparator.comparingInt(FrozenTrial::number));
        double[] bounds = new double[initialTrials];
        for (int i = 1; i <= initialTrials; i++) {
            bounds[i - 1] = paired.evaluate(prefix(study, complete.subList(warmUpTrials, warmUpTrials + i)));
        }
        Arrays.sort(bounds);
        threshold = Math.min(Double.MAX_VALUE, bounds[bounds.length / 2] * thresholdRatio);
        return threshold;
    }

    /** A study in memory holding just these trials, for the paired evaluator to judge. */
    private static Study prefix(Study study, List<FrozenTrial> trials) {
        Study copy = Study.builder().name(study.name() + " (first trials)")
                .directions(study.directions().toArray(Direction[]::new)).build();
        trials.forEach(copy::addTrial);
        return copy;
    }
}
