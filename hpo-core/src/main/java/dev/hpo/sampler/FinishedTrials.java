package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Follows one study's COMPLETE and PRUNED trials (and counts its FAIL ones) as they appear, so that the sampler's
 * per-study caches (search spaces, observations) are fed each finished trial once instead of rereading the whole
 * trial list per decision.
 * Trials come in number order and a finished trial never changes, so only the trials from the first unfinished
 * one on need a look: with trials run one at a time that is the last one or two. Not thread safe: the sampler
 * that owns it locks.
 */
final class FinishedTrials {

    private final BitSet seen = new BitSet();
    private List<FrozenTrial> lastList;
    /** Every trial before this index of the list is finished (in any state) and has been looked at. */
    private int firstOpen;
    private int count;
    private int failed;

    /**
     * Brings the count up to date with the study's trial list (in number order) and returns the COMPLETE and
     * PRUNED trials not returned before, in number order.
     */
    List<FrozenTrial> update(List<FrozenTrial> trials) {
        if (trials == lastList) {
            // storages hand out the same list until a trial changes
            return List.of();
        }
        lastList = trials;
        List<FrozenTrial> fresh = new ArrayList<>(2);
        boolean prefix = true;
        for (int i = firstOpen; i < trials.size(); i++) {
            FrozenTrial t = trials.get(i);
            TrialState state = t.state();
            if ((state == TrialState.COMPLETE || state == TrialState.PRUNED) && !seen.get(t.number())) {
                seen.set(t.number());
                fresh.add(t);
            } else if (state == TrialState.FAIL && !seen.get(t.number())) {
                seen.set(t.number());
                failed++;
            }
            if (prefix && state.isFinished()) {
                firstOpen = i + 1;
            } else {
                prefix = false;
            }
        }
        count += fresh.size();
        return fresh;
    }

    /** The index of the trial list from which on trials may be unfinished (every one before it is finished). */
    int firstOpen() {
        return firstOpen;
    }

    /** The number of COMPLETE and PRUNED trials seen so far. */
    int count() {
        return count;
    }

    /** The number of FAIL trials seen so far. */
    int failed() {
        return failed;
    }
}
