package dev.hpo.storage;

import dev.hpo.AppendOnlyMap;
import dev.hpo.AppendOnlyStepMap;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one trial inside a storage, with the rules every storage applies to an update
 * (finished trials never change; a parameter keeps one distribution). Storages that keep trials in memory
 * (in-memory, the journal's replay) share it; it is not thread safe, its owner locks.
 */
final class TrialRecord {
    public final long id;
    public final long studyId;
    public final int number;
    public TrialState state;
    public List<Double> values;
    // append-only, so that refreezing a running trial after a new parameter or report costs O(1), not a copy
    public final AppendOnlyMap<String, Object> params = new AppendOnlyMap<>();
    public final AppendOnlyMap<String, Distribution> distributions = new AppendOnlyMap<>();
    public final AppendOnlyStepMap intermediateValues = new AppendOnlyStepMap();
    public final Map<String, Object> userAttrs = new LinkedHashMap<>();
    public final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    public Instant start;
    public Instant complete;
    private FrozenTrial frozen;

    public TrialRecord(long id, long studyId, int number, FrozenTrial template, Instant now) {
        this.id = id;
        this.studyId = studyId;
        this.number = number;
        if (template == null) {
            state = TrialState.RUNNING;
            start = now;
        } else {
            state = template.state();
            values = template.values();
            params.putAll(template.params());
            distributions.putAll(template.distributions());
            intermediateValues.putAll(template.intermediateValues());
            userAttrs.putAll(template.userAttrs());
            systemAttrs.putAll(template.systemAttrs());
            start = template.start() != null ? template.start() : (state == TrialState.WAITING ? null : now);
            complete = template.complete() != null ? template.complete() : (state.isFinished() ? now : null);
        }
    }

    /** The snapshot of this record, cached until the next change. */
    public FrozenTrial freeze() {
        if (frozen == null) {
            frozen = new FrozenTrial(number, id, state, values, params.snapshot(), distributions.snapshot(),
                    intermediateValues.snapshot(), userAttrs, systemAttrs, start, complete);
        }
        return frozen;
    }

    /** Throws when the trial is finished and so cannot change. */
    public void checkUpdatable() {
        if (state.isFinished()) {
            throw new IllegalStateException("trial " + number + " is already finished (" + state
                    + ") and cannot change");
        }
    }

    public void setParam(String name, double internal, Distribution distribution) {
        checkUpdatable();
        Distribution old = distributions.get(name);
        if (old != null && !old.equals(distribution)) {
            throw new IllegalArgumentException("parameter '" + name + "' of trial " + number + " is already " + old
                    + ", not " + distribution);
        }
        distributions.put(name, distribution);
        params.put(name, distribution.toExternal(internal));
        frozen = null;
    }

    /** Applies a state change; false when a RUNNING request lost the race for a WAITING trial. */
    public boolean setState(TrialState newState, List<Double> newValues, Instant now) {
        if (newState == TrialState.RUNNING) {
            if (state != TrialState.WAITING) {
                return false;  // taken by another worker, perhaps finished already
            }
            start = now;
        }
        checkUpdatable();
        if (newState.isFinished()) {
            complete = now;
        }
        state = newState;
        values = newValues == null ? null : List.copyOf(newValues);
        frozen = null;
        return true;
    }

    public void setIntermediateValue(int step, double value) {
        checkUpdatable();
        intermediateValues.put(step, value);
        frozen = null;
    }

    public void setUserAttr(String key, Object value) {
        userAttrs.put(key, value);
        frozen = null;
    }

    public void setSystemAttr(String key, Object value) {
        systemAttrs.put(key, value);
        frozen = null;
    }
}
