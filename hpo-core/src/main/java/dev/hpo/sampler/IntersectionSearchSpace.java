package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters that every finished trial of a study has, each with one distribution: the part of a
 * define-by-run space that relative samplers (multivariate TPE, CMA-ES, GP) can model jointly. A parameter
 * that some trial lacks, or that changed its distribution, is left to independent sampling.
 */
public final class IntersectionSearchSpace {

    private IntersectionSearchSpace() {
    }

    /**
     * The intersection over the study's COMPLETE trials (and PRUNED ones too when {@code includePruned}),
     * sorted by parameter name so that joint samplers see a stable order. Empty when there is no such trial.
     */
    public static Map<String, Distribution> of(Study study, boolean includePruned) {
        EnumSet<TrialState> states = includePruned ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)
                : EnumSet.of(TrialState.COMPLETE);
        Map<String, Distribution> space = null;
        for (FrozenTrial t : study.trials(states)) {
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
                continue;
            }
            narrow(space, t);
            if (space.isEmpty()) {
                break;
            }
        }
        return space == null ? Map.of() : new TreeMap<>(space);
    }

    /**
     * Narrows {@code space} to the parameters {@code trial} has with the same distribution: one step of the
     * intersection, shared with samplers that keep it up to date trial by trial.
     */
    public static void narrow(Map<String, Distribution> space, FrozenTrial trial) {
        Iterator<Map.Entry<String, Distribution>> it = space.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Distribution> e = it.next();
            if (!e.getValue().equals(trial.distributions().get(e.getKey()))) {
                it.remove();
            }
        }
    }
}
