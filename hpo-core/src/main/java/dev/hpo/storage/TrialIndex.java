package dev.hpo.storage;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trials of one study as a storage that keeps them in memory holds them: all of them in number order, with
 * the snapshot list cached until a trial changes, and the unfinished ones (WAITING, RUNNING) indexed apart.
 *
 * <p>The index is what keeps {@code Study.ask} from growing with the study: every {@code ask} looks for WAITING
 * trials, and a study of thousands of finished trials has at most a handful of unfinished ones, so that look costs
 * the few unfinished trials instead of a pass over the whole study. Likewise samplers and the study ask for the
 * finished trials of some states (the COMPLETE ones, say) at every trial: each set of finished states asked for is
 * kept as a list that grows as trials finish, so that asking costs the trials changed since the last time, not a
 * pass over the study. Not thread safe; its owner locks.
 */
final class TrialIndex {

    private final List<TrialRecord> all = new ArrayList<>();
    private final TreeMap<Integer, TrialRecord> unfinished = new TreeMap<>();
    private List<FrozenTrial> frozen;
    /** The snapshots behind the last {@link #frozen()} list, and the trials changed since (by number). */
    private FrozenTrial[] snapshots = new FrozenTrial[0];
    private final BitSet stale = new BitSet();
    /** The lists of finished trials by the set of states asked for, made at the first such question. */
    private final Map<Set<TrialState>, FinishedList> finished = new HashMap<>();

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
        for (FinishedList f : finished.values()) {
            f.changed.set(t.number);
        }
    }

    /** To be called after any change of one of the study's trials; keeps the index of unfinished trials right. */
    void changed(TrialRecord t) {
        if (t.state.isFinished()) {
            unfinished.remove(t.number);
        }
        stale.set(t.number);
        frozen = null;
        for (FinishedList f : finished.values()) {
            f.changed.set(t.number);
        }
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

    /** Snapshots of the trials in the given states, in number order, unmodifiable. */
    List<FrozenTrial> frozen(Set<TrialState> states) {
        boolean onlyUnfinished = true;
        boolean onlyFinished = true;
        for (TrialState s : states) {
            onlyUnfinished &= !s.isFinished();
            onlyFinished &= s.isFinished();
        }
        if (onlyFinished && !states.isEmpty()) {
            FinishedList f = finished.get(states);
            if (f == null) {
                f = new FinishedList(EnumSet.copyOf(states));
                f.changed.set(0, all.size());
                finished.put(f.states, f);
            }
            return f.list(all);
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
        return Collections.unmodifiableList(out);
    }

    /**
     * The snapshots of the trials in some finished states, in number order, in an array that lists handed out share:
     * a trial that finishes after all the others is written behind the end the lists handed out see, anything else
     * (a trial finishing out of order, a finished trial changed) goes into a copy, so a list once handed out never
     * changes.
     */
    private static final class FinishedList {

        final Set<TrialState> states;
        /** Trials changed since the last list (by number); they may have entered, left or changed in this list. */
        final BitSet changed = new BitSet();
        private FrozenTrial[] items = new FrozenTrial[16];
        private int size;
        private List<FrozenTrial> list;

        FinishedList(Set<TrialState> states) {
            this.states = states;
        }

        List<FrozenTrial> list(List<TrialRecord> all) {
            for (int n = changed.nextSetBit(0); n >= 0; n = changed.nextSetBit(n + 1)) {
                update(all.get(n));
            }
            changed.clear();
            if (list == null) {
                list = new Prefix(items, size);
            }
            return list;
        }

        private void update(TrialRecord t) {
            int at = indexOf(t.number);
            boolean belongs = states.contains(t.state);
            if (at >= 0) {
                FrozenTrial now = t.freeze();
                if (belongs && now == items[at]) {
                    return;
                }
                items = Arrays.copyOf(items, items.length);
                if (belongs) {
                    items[at] = now;
                } else {
                    System.arraycopy(items, at + 1, items, at, size - at - 1);
                    items[--size] = null;
                }
            } else if (belongs) {
                int insertion = -at - 1;
                if (insertion < size || size == items.length) {
                    items = Arrays.copyOf(items, Math.max(16, size * 2));
                }
                System.arraycopy(items, insertion, items, insertion + 1, size - insertion);
                items[insertion] = t.freeze();
                size++;
            } else {
                return;
            }
            list = null;
        }

        /** Where the trial of that number is, or {@code -(insertion point) - 1}, as {@link Arrays#binarySearch}. */
        private int indexOf(int number) {
            int low = 0;
            int high = size - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                int n = items[mid].number();
                if (n < number) {
                    low = mid + 1;
                } else if (n > number) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }
    }

    /** The first {@code size} entries of an array, read only. */
    private static final class Prefix extends AbstractList<FrozenTrial> implements RandomAccess {

        private final FrozenTrial[] items;
        private final int size;

        Prefix(FrozenTrial[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public FrozenTrial get(int index) {
            Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
