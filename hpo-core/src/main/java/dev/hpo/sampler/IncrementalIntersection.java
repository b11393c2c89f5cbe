package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link IntersectionSearchSpace#of(dev.hpo.Study, boolean)}, kept up to date one finished trial at a time: an
 * intersection does not depend on the order its sets come in, and a finished trial never changes, so folding in
 * only the trials not seen before gives the same space without rereading every trial per decision. One instance
 * follows one study and one choice of states (COMPLETE, or COMPLETE and PRUNED).
 */
public final class IncrementalIntersection {

    private final BitSet added = new BitSet();
    private Map<String, Distribution> space;
    private final Set<String> names = new HashSet<>();

    /**
     * Folds in the trials of {@code finished} not seen before (it may hold all of the study's finished trials or
     * only the new ones) and returns the intersection over every trial folded in so far, sorted by name.
     */
    public Map<String, Distribution> update(List<FrozenTrial> finished) {
        for (FrozenTrial t : finished) {
            if (added.get(t.number())) {
                continue;
            }
            added.set(t.number());
            names.addAll(t.params().keySet());
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
                continue;
            }
            IntersectionSearchSpace.narrow(space, t);
        }
        return space();
    }

    /** The intersection over the trials folded in so far, sorted by name. */
    public Map<String, Distribution> space() {
        return space == null ? Map.of() : new TreeMap<>(space);
    }

    /**
     * Whether some trial folded in has a parameter that is not in the intersection (one that other trials lack, or
     * with another distribution): a conditional space.
     */
    public boolean conditional() {
        return names.size() > (space == null ? 0 : space.size());
    }
}
