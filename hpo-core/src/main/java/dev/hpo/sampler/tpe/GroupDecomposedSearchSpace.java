package dev.hpo.sampler.tpe;

import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The search space of a conditional (define-by-run) objective split into groups of parameters that always appear
 * together: each finished trial's parameter set refines the partition (a group splits into the part the trial has
 * and the part it lacks; parameters never seen before form a new group). TPE with {@code group} models each group
 * jointly and the groups independently, so that a branch's parameters are learnt from the trials that took that
 * branch. The partition does not depend on the order trials are added in, so it grows incrementally; one
 * instance follows one study.
 */
public final class GroupDecomposedSearchSpace {

    private final BitSet added = new BitSet();
    private List<Map<String, Distribution>> groups = new ArrayList<>();

    /** Refines the partition with the finished trials not added yet. */
    public void update(List<FrozenTrial> finished) {
        for (FrozenTrial t : finished) {
            if (!added.get(t.number())) {
                added.set(t.number());
                add(t.distributions());
            }
        }
    }

    private void add(Map<String, Distribution> distributions) {
        Map<String, Distribution> rest = new TreeMap<>(distributions);
        List<Map<String, Distribution>> next = new ArrayList<>();
        for (Map<String, Distribution> group : groups) {
            Map<String, Distribution> in = new TreeMap<>();
            Map<String, Distribution> out = new TreeMap<>();
            group.forEach((name, d) -> (distributions.containsKey(name) ? in : out).put(name, d));
            next.add(in);
            next.add(out);
            rest.keySet().removeAll(group.keySet());
        }
        next.add(rest);
        next.removeIf(Map::isEmpty);
        groups = next;
    }

    /** The groups, each sorted by parameter name. */
    public List<Map<String, Distribution>> groups() {
        List<Map<String, Distribution>> out = new ArrayList<>();
        for (Map<String, Distribution> g : groups) {
            out.add(new LinkedHashMap<>(g));
        }
        return out;
    }
}
