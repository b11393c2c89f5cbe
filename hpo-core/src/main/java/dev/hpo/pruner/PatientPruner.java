package dev.hpo.pruner;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.Iterator;
import java.util.SortedMap;

/**
 * Gives a trial {@code patience} steps to improve before another pruner may judge it (Optuna's
 * {@code PatientPruner}). A trial has stalled when the best of its last {@code patience + 1} intermediate values
 * is worse than the best of the earlier ones by more than {@code minDelta}; until then it goes on, whatever the
 * wrapped pruner would say. Once it has stalled the wrapped pruner decides; without one (a {@code null} wrapped
 * pruner) a stalled trial is pruned. NaN values are ignored on both sides.
 */
public final class PatientPruner implements Pruner {

    private final Pruner wrapped;
    private final int patience;
    private final double minDelta;

    /** A patient pruner around {@code wrapped} (may be {@code null}) with {@code minDelta} 0. */
    public PatientPruner(Pruner wrapped, int patience) {
        this(wrapped, patience, 0.0);
    }

    /**
     * @param wrapped the pruner that judges stalled trials, or {@code null} to prune every stalled trial
     * @param patience steps without improvement tolerated, at least 0
     * @param minDelta the least change that counts as an improvement, at least 0
     */
    public PatientPruner(Pruner wrapped, int patience, double minDelta) {
        this.wrapped = wrapped;
        this.patience = Checks.atLeast("patience", patience, 0);
        this.minDelta = Checks.finiteAtLeast("minDelta", minDelta, 0.0);
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        SortedMap<Integer, Double> reported = trial.intermediateValues();
        if (reported.size() <= patience + 1) {
            return false;
        }
        int split = reported.size() - patience - 1;
        Direction direction = study.direction();
        // one pass over the values in step order, without a copy: the first split values, then the rest
        Iterator<Double> values = reported.values().iterator();
        double before = IntermediateValues.best(values, split, direction);
        double recent = IntermediateValues.best(values, patience + 1, direction);
        boolean stalled = direction == Direction.MINIMIZE ? before + minDelta < recent : before - minDelta > recent;
        return stalled && (wrapped == null || wrapped.prune(study, trial));
    }

    @Override
    public String toString() {
        return "PatientPruner(" + wrapped + ", patience=" + patience + ", minDelta=" + minDelta + ")";
    }
}
