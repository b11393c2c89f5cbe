package dev.hpo.storage;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
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
        frozen = null;
    }

    /** To be called after any change of one of the study's trials; keeps the index of unfinished trials right. */
    void changed(TrialRecord t) {
        if (t.state.isFinished()) {
            unfinished.remove(t.number);
        }
        frozen = null;
    }

    /** Snapshots of all trials, in number order, unmodifiable. */
    List<FrozenTrial> frozen() {
        if (frozen == null) {
            List<FrozenTrial> out = new ArrayList<>(all.size());
            for (TrialRecord t : all) {
                out.add(t.freeze());
            }
            frozen = Collections.unmodifiableList(out);
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
