package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes some parameters to given values and lets another sampler choose the rest (Optuna's
 * {@code PartialFixedSampler}): to re-run a study with one decision taken, or to tune a subset of a known good
 * configuration. The fixed parameters are left out of the base sampler's joint space, so a relative sampler
 * models only the free ones; the base sampler still sees every finished trial, fixed values included.
 */
public final class PartialFixedSampler implements Sampler {

    private final Map<String, Object> fixedParams;
    private final Sampler base;

    /**
     * @param fixedParams parameter values in their external form ({@code 0.1}, {@code 8}, {@code "rbf"}); each must
     *        fit the distribution the objective suggests it with
     * @param base the sampler for every other parameter
     */
    public PartialFixedSampler(Map<String, ?> fixedParams, Sampler base) {
        if (fixedParams == null) {
            throw new IllegalArgumentException("fixedParams must not be null; give an empty map to fix nothing");
        }
        if (base == null) {
            throw new IllegalArgumentException("PartialFixedSampler needs a base sampler for the other parameters");
        }
        this.fixedParams = Collections.unmodifiableMap(new LinkedHashMap<>(fixedParams));
        this.base = base;
    }

    public Map<String, Object> fixedParams() {
        return fixedParams;
    }

    public Sampler base() {
        return base;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        Map<String, Distribution> space = new LinkedHashMap<>(base.inferRelativeSearchSpace(study, trial));
        space.keySet().removeAll(fixedParams.keySet());
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return base.sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        if (!fixedParams.containsKey(name)) {
            return base.sampleIndependent(study, trial, name, distribution);
        }
        Object value = fixedParams.get(name);
        try {
            return distribution.toInternal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fixed value " + value + " of parameter '" + name + "' does not fit "
                    + distribution + " as suggested by the objective (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void beforeTrial(Study study, FrozenTrial trial) {
        base.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        base.afterTrial(study, trial, state, values);
    }

    @Override
    public String toString() {
        return "PartialFixedSampler(" + fixedParams + ", " + base + ")";
    }
}
