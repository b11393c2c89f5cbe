package dev.hpo;

import java.util.EnumSet;
import java.util.List;

/**
 * Stops a study once {@code patience} trials have finished since its best value last improved: the early stopping
 * that Optuna users write as a callback, for budgets such as "up to 500 trials, fewer when the search has settled".
 * A trial improves the best when it is the first completed (and feasible) trial or beats the best before it by more
 * than {@code minDelta}; smaller gains do not move the best, so several of them add up to an improvement. The finished trials after the last improvement (completed, pruned and failed alike) are counted
 * in the storage, so every worker of the study agrees, and a study resumed after it stopped stops again after one
 * trial unless that trial improves the best.
 *
 * <p>For one objective only: several objectives have no single best to improve.
 */
public final class NoImprovementCallback implements TrialCallback {

    private static final EnumSet<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED,
            TrialState.FAIL);

    private final int patience;
    private final double minDelta;
    private volatile boolean stopped;

    /** Stops after {@code patience} finished trials without a new best value. */
    public NoImprovementCallback(int patience) {
        this(patience, 0.0);
    }

    /**
     * @param patience finished trials without an improvement before the study stops, at least 1
     * @param minDelta how much a value must beat the best by to count as an improvement, at least 0
     */
    public NoImprovementCallback(int patience, double minDelta) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1 trial, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be a finite number of at least 0, got " + minDelta);
        }
        this.patience = patience;
        this.minDelta = minDelta;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        if (study.directions().size() > 1) {
            throw new IllegalStateException("NoImprovementCallback needs a study with one objective; study "
                    + study.name() + " has " + study.directions().size());
        }
        if (sinceLastImprovement(study) >= patience) {
            stopped = true;
            study.stop();
        }
    }

    /** Whether this callback has stopped a study, for a log line saying why the study ended early. */
    public boolean stoppedStudy() {
        return stopped;
    }

    /** Why it stops a study, for that line: {@code 20 finished trials without a new best value}. */
    public String reason() {
        return patience + " finished trial" + (patience == 1 ? "" : "s") + " without a new best value"
                + (minDelta > 0 ? " (by more than " + minDelta + ")" : "");
    }

    /** The finished trials numbered after the last trial that improved the best value (all of them if none did). */
    int sinceLastImprovement(Study study) {
        Direction direction = study.direction();
        List<FrozenTrial> finished = study.trials(FINISHED);
        int lastImprovement = -1;
        double best = Double.NaN;
        for (FrozenTrial t : finished) {
            if (t.state() != TrialState.COMPLETE || !t.isFeasible()) {
                continue;
            }
            double v = t.value();
            // as Keras' EarlyStopping: the best moves only with an improvement, so small gains add up to one
            if (Double.isNaN(best) || direction.isBetter(v, direction == Direction.MINIMIZE ? best - minDelta
                    : best + minDelta)) {
                lastImprovement = t.number();
                best = v;
            }
        }
        int count = 0;
        for (FrozenTrial t : finished) {
            if (t.number() > lastImprovement) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "NoImprovementCallback(patience=" + patience + ", minDelta=" + minDelta + ")";
    }
}
