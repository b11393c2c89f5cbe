package dev.hpo;

import dev.hpo.space.Distribution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one trial as the storage holds it. Samplers, pruners, the report and users read
 * trials only through this type; what changes lives in the storage.
 *
 * @param number position of the trial within its study, from 0
 * @param id the storage's identifier of the trial (unique within the storage, not only the study)
 * @param values the objective values, one per direction; {@code null} when the trial has none (running,
 *        failed, or pruned before reporting)
 * @param params external parameter values (what {@code suggest*} returned), in suggestion order
 * @param distributions the distribution of every parameter in {@code params}
 * @param intermediateValues values reported with {@link Trial#report}, by step
 * @param start when the trial started running; {@code null} while it is waiting
 * @param complete when it finished; {@code null} while it is not finished
 */
public record FrozenTrial(
        int number,
        long id,
        TrialState state,
        List<Double> values,
        Map<String, Object> params,
        Map<String, Distribution> distributions,
        SortedMap<Integer, Double> intermediateValues,
        Map<String, Object> userAttrs,
        Map<String, Object> systemAttrs,
        Instant start,
        Instant complete) {

    /** System attribute prefix under which constraint values are stored (Optuna 5's layout). */
    public static final String CONSTRAINT_PREFIX = "constraints:";

    public FrozenTrial {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        values = values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        distributions = distributions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(distributions));
        intermediateValues = intermediateValues == null ? Collections.emptySortedMap()
                : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
        // most trials have no attributes: the shared empty map keeps samplers' passes over them out of memory
        userAttrs = userAttrs == null || userAttrs.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(userAttrs));
        systemAttrs = systemAttrs == null || systemAttrs.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }

    /** True when the trial has objective values. */
    public boolean hasValues() {
        return values != null && !values.isEmpty();
    }

    /** The single objective value; throws when the trial has none or is multi-objective. */
    public double value() {
        if (values == null || values.isEmpty()) {
            throw new IllegalStateException("trial " + number + " (" + state + ") has no value");
        }
        if (values.size() > 1) {
            throw new IllegalStateException("trial " + number + " has " + values.size() + " values; use values()");
        }
        return values.get(0);
    }

    /** The internal (numeric) representation of a parameter, as samplers use it. */
    public double internalParam(String name) {
        Distribution d = distributions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("trial " + number + " has no parameter '" + name + "'");
        }
        return d.toInternal(params.get(name));
    }

    /** The last reported intermediate value, or {@code null} when nothing was reported. */
    public Double lastIntermediateValue() {
        return intermediateValues.isEmpty() ? null : intermediateValues.get(intermediateValues.lastKey());
    }

    /** The step of the last report, or -1 when nothing was reported. */
    public int lastStep() {
        return intermediateValues.isEmpty() ? -1 : intermediateValues.lastKey();
    }

    /** Constraint values set with {@link Trial#setConstraint}, by name; empty when the trial has none. */
    public Map<String, Double> constraints() {
        Map<String, Double> out = new LinkedHashMap<>();
        systemAttrs.forEach((k, v) -> {
            if (k.startsWith(CONSTRAINT_PREFIX) && v instanceof Number n) {
                out.put(k.substring(CONSTRAINT_PREFIX.length()), n.doubleValue());
            }
        });
        return out;
    }

    /** True when every constraint value is at most 0 (trials without constraints are feasible). */
    public boolean isFeasible() {
        // read in place: samplers ask this of every finished trial at every decision
        if (systemAttrs.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Object> e : systemAttrs.entrySet()) {
            if (e.getKey().startsWith(CONSTRAINT_PREFIX) && e.getValue() instanceof Number n
                    && !(n.doubleValue() <= 0)) {
                return false;
            }
        }
        return true;
    }

    /** How long the trial ran, or {@code null} when it has not both started and finished. */
    public Duration duration() {
        return start == null || complete == null ? null : Duration.between(start, complete);
    }
}
