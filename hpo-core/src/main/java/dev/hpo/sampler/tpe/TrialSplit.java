package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * TPE's division of the finished trials into the γ best ("below", modelled by ℓ(x)) and the rest ("above",
 * modelled by g(x)), as Optuna does it: completed trials first, by value; then pruned trials, deeper ones first
 * and by their last intermediate value; running trials (constant liar) always above. Both lists come back in
 * trial-number order, which is the order the weights ramp over.
 *
 * @param below the good trials
 * @param above the others
 */
public record TrialSplit(List<FrozenTrial> below, List<FrozenTrial> above) {

    /**
     * Splits {@code trials} (COMPLETE, PRUNED and, for the constant liar, RUNNING ones) with {@code nBelow} trials
     * below.
     */
    public static TrialSplit of(List<FrozenTrial> trials, int nBelow, Direction direction) {
        List<FrozenTrial> complete = new ArrayList<>();
        List<FrozenTrial> pruned = new ArrayList<>();
        List<FrozenTrial> running = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                complete.add(t);
            } else if (t.state() == TrialState.PRUNED) {
                pruned.add(t);
            } else if (t.state() == TrialState.RUNNING) {
                running.add(t);
            }
        }
        Comparator<FrozenTrial> byValue = Comparator.comparingDouble(FrozenTrial::value);
        complete.sort(direction == Direction.MINIMIZE ? byValue : byValue.reversed());
        pruned.sort(prunedOrder(direction));
        int nComplete = Math.min(Math.max(0, nBelow), complete.size());
        int nPruned = Math.min(Math.max(0, nBelow - nComplete), pruned.size());
        List<FrozenTrial> below = new ArrayList<>(complete.subList(0, nComplete));
        below.addAll(pruned.subList(0, nPruned));
        List<FrozenTrial> above = new ArrayList<>(complete.subList(nComplete, complete.size()));
        above.addAll(pruned.subList(nPruned, pruned.size()));
        above.addAll(running);
        Comparator<FrozenTrial> byNumber = Comparator.comparingInt(FrozenTrial::number);
        below.sort(byNumber);
        above.sort(byNumber);
        return new TrialSplit(below, above);
    }

    /**
     * Pruned trials from most to least promising: a trial that got further (a larger last step) first, then by its
     * last intermediate value in the study's direction (NaN last); trials that reported nothing come last.
     */
    static Comparator<FrozenTrial> prunedOrder(Direction direction) {
        return Comparator.<FrozenTrial>comparingInt(t -> t.intermediateValues().isEmpty() ? 1 : -t.lastStep())
                .thenComparingDouble(t -> {
                    Double v = t.lastIntermediateValue();
                    if (v == null) {
                        return 0.0;
                    }
                    if (Double.isNaN(v)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    return direction == Direction.MINIMIZE ? v : -v;
                });
    }
}
