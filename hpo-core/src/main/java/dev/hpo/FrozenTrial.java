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
    /**
     * The system attribute under which Optuna's samplers with a {@code constraints_func} store the values as one list
     * (still written by Optuna 5): read as constraints named by their position, {@code "0"}, {@code "1"}, ...
     */
    public static final String CONSTRAINT_LIST = "constraints";

    public FrozenTrial {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        values = values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
        // a running trial's maps are append-only snapshots, kept as they are: a copy would cost O(P) per suggestion
        params = params == null ? Map.of() : AppendOnlyMap.frozen(params);
        distributions = distributions == null ? Map.of() : AppendOnlyMap.frozen(distributions);
        intermediateValues = intermediateValues == null ? Collections.emptySortedMap()
                : AppendOnlyStepMap.frozen(intermediateValues);
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
        if (systemAttrs.get(CONSTRAINT_LIST) instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Number n) {
                    out.putIfAbsent(Integer.toString(i), n.doubleValue());
                }
            }
        }
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
            if (e.getKey().equals(CONSTRAINT_LIST) && e.getValue() instanceof List<?> list
                    && list.stream().anyMatch(c -> c instanceof Number n && !(n.doubleValue() <= 0))) {
                return false;
            }
        }
        return true;
    }

    /** How long the trial ran, or {@code null} when it has not both started and finished. */
    public Duration duration() {
        return start == null || complete == null ? null : Duration.between(start, complete);
    }

    /**
     * A finished trial to hand to {@link Study#addTrial}: results from before the study (an earlier search, a
     * colleague's spreadsheet, a published baseline) that samplers then learn from as from their own trials, as
     * Optuna's {@code create_trial} makes them. The state is COMPLETE unless set; start and completion default to
     * the time of {@link Builder#build()}; the study gives the trial its number.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Checks that every parameter has a distribution and lies in it: a trial to add must be one a study could run. */
    static void checkParams(Map<String, Object> params, Map<String, Distribution> distributions) {
        params.forEach((name, value) -> {
            Distribution d = distributions.get(name);
            if (d == null) {
                throw new IllegalArgumentException("parameter '" + name + "' = " + value + " has no distribution;"
                        + " give one for every parameter");
            }
            try {
                d.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "': " + e.getMessage(), e);
            }
        });
        distributions.keySet().stream().filter(name -> !params.containsKey(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("distribution of '" + name + "' has no value; give the parameter's"
                    + " value with its distribution");
        });
    }

    /** Builds a finished trial; see {@link FrozenTrial#builder()}. */
    public static final class Builder {

        private TrialState state = TrialState.COMPLETE;
        private List<Double> values;
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final Map<String, Distribution> distributions = new LinkedHashMap<>();
        private final SortedMap<Integer, Double> intermediateValues = new TreeMap<>();
        private final Map<String, Object> userAttrs = new LinkedHashMap<>();
        private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        private Instant start;
        private Instant complete;

        private Builder() {
        }

        /** COMPLETE (the default), PRUNED or FAIL. */
        public Builder state(TrialState state) {
            if (state == null || !state.isFinished()) {
                throw new IllegalArgumentException("state " + state + ": a trial to add is finished (COMPLETE,"
                        + " PRUNED or FAIL); running trials come from Study.ask");
            }
            this.state = state;
            return this;
        }

        /** The objective value of a single-objective study. */
        public Builder value(double value) {
            return values(value);
        }

        /** The objective values, one per direction of the study. */
        public Builder values(double... values) {
            List<Double> list = new ArrayList<>(values.length);
            for (double v : values) {
                list.add(v);
            }
            this.values = list;
            return this;
        }

        /** A parameter's value as {@code suggest*} would have returned it, and the range it was drawn from. */
        public Builder param(String name, Object value, Distribution distribution) {
            if (name == null || value == null || distribution == null) {
                throw new IllegalArgumentException("param(" + name + ", " + value + ", " + distribution
                        + "): name, value and distribution must not be null");
            }
            params.put(name, value);
            distributions.put(name, distribution);
            return this;
        }

        /** A value the trial reported at a step, as {@link Trial#report} records it (what pruners compare). */
        public Builder intermediateValue(int step, double value) {
            intermediateValues.put(step, value);
            return this;
        }

        public Builder userAttr(String key, Object value) {
            userAttrs.put(key, value);
            return this;
        }

        public Builder systemAttr(String key, Object value) {
            systemAttrs.put(key, value);
            return this;
        }

        /** When the trial ran; both default to the time of {@link #build()}. */
        public Builder times(Instant start, Instant complete) {
            if (start != null && complete != null && complete.isBefore(start)) {
                throw new IllegalArgumentException("completion " + complete + " is before start " + start);
            }
            this.start = start;
            this.complete = complete;
            return this;
        }

        /**
         * The trial, checked as {@link Study#addTrial} needs it: a COMPLETE trial has values and none is NaN (as
         * {@link Study#tell} takes them), a FAIL trial has none, and every parameter lies in its distribution.
         */
        public FrozenTrial build() {
            if (state == TrialState.COMPLETE && (values == null || values.isEmpty())) {
                throw new IllegalArgumentException("a COMPLETE trial needs its value: call value(…) or values(…),"
                        + " or state(PRUNED) or state(FAIL) for a trial without one");
            }
            if (state == TrialState.FAIL && values != null) {
                throw new IllegalArgumentException("a FAIL trial has no value, got " + values);
            }
            if (values != null && values.stream().anyMatch(v -> Double.isNaN(v))) {
                throw new IllegalArgumentException("values " + values + " hold NaN; a trial whose objective returned"
                        + " NaN is a FAIL trial");
            }
            checkParams(params, distributions);
            Instant now = Instant.now();
            Instant started = start != null ? start : complete != null ? complete : now;
            Instant completed = complete != null ? complete : started.isAfter(now) ? started : now;
            return new FrozenTrial(0, -1, state, values, params, distributions, intermediateValues, userAttrs,
                    systemAttrs, started, completed);
        }
    }
}
