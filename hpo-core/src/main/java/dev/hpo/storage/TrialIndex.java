package dev.hpo.storage;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trials of one study as a storage that keeps them in memory holds them: all of them in number order, with
 * the snapshot list cached until a trial changes, and the unfinished ones (WAITING, RUNNING) indexed apart.
 *
 * <p>The index is what keeps {@code Study.ask} from growing with the study: every {@code ask} looks for WAITING
 * trials, and a study of thousands of finished trials has at most a handful of unfinished ones, so that look costs
 * the few unfinished trials instead of a pass over the whole study. Not thread safe; its owner locks.
 */
final class TrialIndex {

    private final List<TrialRecord> all = new ArrayList<>();
    private final TreeMap<Integer, TrialRecord> unfinished = new TreeMap<>();
    private List<FrozenTrial> frozen;
    /** The snapshots behind the last {@link #frozen()} list, and the trials changed since (by number). */
    private FrozenTrial[] snapshots = new FrozenTrial[0];
    private final BitSet stale = new BitSet();

    /** How many trials the study has; the number of the next one. */
    int size() {
        return all.size();
    }

    /** The trials in number order (read only by the owner). */
    List<TrialRecord> records() {
        return all;
    }

    /** Adds a trial, the next in number order. */
    void add(TrialRecord t) {
        all.add(t);
        if (!t.state.isFinished()) {
            unfinished.put(t.number, t);
        }
        stale.set(all.size() - 1);
        frozen = null;
    }

    /** To be called after any change of one of the study's trials; keeps the index of unfinished trials right. */
    void changed(TrialRecord t) {
        if (t.state.isFinished()) {
            unfinished.remove(t.number);
        }
        stale.set(t.number);
        frozen = null;
    }

    /** Snapshots of all trials, in number order, unmodifiable. */
    List<FrozenTrial> frozen() {
        if (frozen == null) {
            // a copy of the last snapshots with the changed trials refrozen: a list handed out never changes, and
            // a trial's change costs one snapshot instead of a pass over the whole study
            FrozenTrial[] out = Arrays.copyOf(snapshots, all.size());
            for (int i = stale.nextSetBit(0); i >= 0; i = stale.nextSetBit(i + 1)) {
                out[i] = all.get(i).freeze();
            }
            stale.clear();
            snapshots = out;
            frozen = Collections.unmodifiableList(Arrays.asList(out));
        }
        return frozen;
    }

    /** Snapshots of the trials in the given states, in number order. */
    List<FrozenTrial> frozen(Set<TrialState> states) {
        boolean onlyUnfinished = true;
        for (TrialState s : states) {
            onlyUnfinished &= !s.isFinished();
        }
        List<FrozenTrial> out = new ArrayList<>();
        if (onlyUnfinished) {
            for (TrialRecord t : unfinished.values()) {
                if (states.contains(t.state)) {
                    out.add(t.freeze());
                }
            }
        } else {
            for (FrozenTrial t : frozen()) {
                if (states.contains(t.state())) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
