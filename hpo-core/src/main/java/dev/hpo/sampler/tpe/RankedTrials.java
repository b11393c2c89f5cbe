package dev.hpo.sampler.tpe;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.Arrays;

/**
 * The finished trials of a single-objective study by number and by value, kept as each trial finishes, so that a
 * decision finds {@link TrialSplit}'s below and above trials from two int arrays instead of walking ~1,000 trial
 * objects (their states, constraints and values) three times.
 *
 * <p>It answers only the common case, where the γ best are all feasible completed trials: {@link #below} is then
 * the first {@code nBelow} by (value in the study's direction, trial number), which is the split's rule (the
 * earlier trial wins a tie), and every other COMPLETE or PRUNED trial is above. When there are fewer feasible
 * completed trials than places, or a value is NaN, it answers {@code null} and the caller splits the trial list.
 * Not thread safe: the sampler that owns it locks.
 */
public final class RankedTrials {

    /** COMPLETE and PRUNED trials by number. */
    private int[] finished = new int[64];
    private int finishedCount;
    /** Feasible COMPLETE trials by (key, number); key = the value, negated when maximizing. */
    private int[] ranked = new int[64];
    private double[] keys = new double[64];
    private int rankedCount;
    private boolean sawNaN;

    /** Files a trial that just became COMPLETE or PRUNED (each trial once). */
    public void add(FrozenTrial t, Direction direction) {
        int number = t.number();
        int at = -Arrays.binarySearch(finished, 0, finishedCount, number) - 1;
        if (at < 0) {
            return;
        }
        if (finishedCount == finished.length) {
            finished = Arrays.copyOf(finished, finishedCount * 2);
        }
        System.arraycopy(finished, at, finished, at + 1, finishedCount - at);
        finished[at] = number;
        finishedCount++;
        if (t.state() != TrialState.COMPLETE || !t.isFeasible()) {
            return;
        }
        double key = (direction == Direction.MINIMIZE ? 1 : -1) * t.values().get(0);
        if (Double.isNaN(key)) {
            sawNaN = true;
            return;
        }
        int a = 0;
        int b = rankedCount;
        while (a < b) {
            int mid = (a + b) >>> 1;
            if (keys[mid] < key || (keys[mid] == key && ranked[mid] < number)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if (rankedCount == ranked.length) {
            ranked = Arrays.copyOf(ranked, rankedCount * 2);
            keys = Arrays.copyOf(keys, rankedCount * 2);
        }
        System.arraycopy(ranked, a, ranked, a + 1, rankedCount - a);
        System.arraycopy(keys, a, keys, a + 1, rankedCount - a);
        ranked[a] = number;
        keys[a] = key;
        rankedCount++;
    }

    /**
     * The numbers of the {@code nBelow} best trials in number order, or {@code null} when the split needs its general
     * rules (fewer feasible completed trials than places, a NaN value, no place at all).
     */
    public int[] below(int nBelow) {
        if (nBelow <= 0 || nBelow > rankedCount || sawNaN) {
            return null;
        }
        int[] out = Arrays.copyOf(ranked, nBelow);
        Arrays.sort(out);
        return out;
    }

    /** The numbers of the COMPLETE and PRUNED trials other than {@code below} (sorted), in number order. */
    public int[] others(int[] below) {
        int[] out = new int[finishedCount - below.length];
        int n = 0;
        int b = 0;
        for (int i = 0; i < finishedCount; i++) {
            int number = finished[i];
            while (b < below.length && below[b] < number) {
                b++;
            }
            if (b < below.length && below[b] == number) {
                continue;
            }
            out[n++] = number;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** How many COMPLETE and PRUNED trials there are. */
    public int count() {
        return finishedCount;
    }
}
