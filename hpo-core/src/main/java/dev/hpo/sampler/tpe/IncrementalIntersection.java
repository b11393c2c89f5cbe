package dev.hpo.sampler.tpe;

import dev.hpo.FrozenTrial;
import dev.hpo.sampler.IntersectionSearchSpace;
import dev.hpo.space.Distribution;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link IntersectionSearchSpace#of(dev.hpo.Study, boolean) IntersectionSearchSpace.of(study, true)}, kept up to
 * date one finished trial at a time: an intersection does not depend on the order its sets come in, so folding in
 * only the trials finished since the last call gives the same space without rereading every trial per decision.
 * One instance follows one study.
 */
public final class IncrementalIntersection {

    private final BitSet added = new BitSet();
    private Map<String, Distribution> space;

    /** The intersection over every finished (COMPLETE or PRUNED) trial so far, sorted by name. */
    public Map<String, Distribution> update(List<FrozenTrial> finished) {
        for (FrozenTrial t : finished) {
            if (added.get(t.number())) {
                continue;
            }
            added.set(t.number());
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
                continue;
            }
            IntersectionSearchSpace.narrow(space, t);
        }
        return space();
    }

    /** The intersection over the trials added so far, sorted by name. */
    public Map<String, Distribution> space() {
        return space == null ? Map.of() : new TreeMap<>(space);
    }
}
