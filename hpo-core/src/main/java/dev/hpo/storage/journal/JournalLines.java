package dev.hpo.storage.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.space.DistributionJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds journal lines with Optuna's field names and order, one method per operation. Every line starts with
 * {@code op_code} and {@code worker_id}; the codes of states and directions are Optuna's.
 */
public final class JournalLines {

    private JournalLines() {
    }

    /** Optuna's code of a trial state: 0 RUNNING, 1 COMPLETE, 2 PRUNED, 3 FAIL, 4 WAITING. */
    public static int stateCode(TrialState state) {
        return switch (state) {
            case RUNNING -> 0;
            case COMPLETE -> 1;
            case PRUNED -> 2;
            case FAIL -> 3;
            case WAITING -> 4;
        };
    }

    /** The state of an Optuna state code; throws {@link IllegalArgumentException} for another number. */
    public static TrialState state(int code) {
        return switch (code) {
            case 0 -> TrialState.RUNNING;
            case 1 -> TrialState.COMPLETE;
            case 2 -> TrialState.PRUNED;
            case 3 -> TrialState.FAIL;
            case 4 -> TrialState.WAITING;
            default -> throw new IllegalArgumentException("unknown trial state code " + code + " (0 to 4)");
        };
    }

    /** Optuna's code of a direction: 1 minimize, 2 maximize. */
    public static int directionCode(Direction direction) {
        return direction == Direction.MINIMIZE ? 1 : 2;
    }

    /** The direction of an Optuna direction code; 0 ("not set") reads as minimize, as Optuna treats it. */
    public static Direction direction(int code) {
        return switch (code) {
            case 0, 1 -> Direction.MINIMIZE;
            case 2 -> Direction.MAXIMIZE;
            default -> throw new IllegalArgumentException("unknown study direction code " + code + " (0 to 2)");
        };
    }

    private static ObjectNode line(JournalOp op, String workerId) {
        ObjectNode n = JournalJson.MAPPER.createObjectNode();
        n.put("op_code", op.code());
        n.put("worker_id", workerId);
        return n;
    }

    public static ObjectNode createStudy(String workerId, String name, List<Direction> directions) {
        ObjectNode n = line(JournalOp.CREATE_STUDY, workerId);
        n.put("study_name", name);
        ArrayNode d = n.putArray("directions");
        directions.forEach(dir -> d.add(directionCode(dir)));
        return n;
    }

    public static ObjectNode deleteStudy(String workerId, long studyId) {
        ObjectNode n = line(JournalOp.DELETE_STUDY, workerId);
        n.put("study_id", studyId);
        return n;
    }

    public static ObjectNode setStudyAttr(String workerId, long studyId, boolean user, String key, Object value) {
        ObjectNode n = line(user ? JournalOp.SET_STUDY_USER_ATTR : JournalOp.SET_STUDY_SYSTEM_ATTR, workerId);
        n.put("study_id", studyId);
        n.putObject(user ? "user_attr" : "system_attr").set(key, JournalJson.toJson(value));
        return n;
    }

    /** A new RUNNING trial (the plain form). */
    public static ObjectNode createTrial(String workerId, long studyId, Instant now) {
        ObjectNode n = line(JournalOp.CREATE_TRIAL, workerId);
        n.put("study_id", studyId);
        n.put("datetime_start", JournalJson.timestamp(now));
        return n;
    }

    /**
     * A trial copied from a template (enqueued WAITING trials, added finished trials): the template form, with
     * parameters in their internal representation and one objective value in {@code value}, several in
     * {@code values}, as Optuna writes it.
     */
    public static ObjectNode createTrial(String workerId, long studyId, FrozenTrial template, Instant now) {
        ObjectNode n = line(JournalOp.CREATE_TRIAL, workerId);
        n.put("study_id", studyId);
        Instant start = template.start() != null ? template.start()
                : template.state() == TrialState.WAITING ? null : now;
        putTimestamp(n, "datetime_start", start);
        n.put("state", stateCode(template.state()));
        List<Double> values = template.values();
        if (values != null && values.size() > 1) {
            n.putNull("value");
            putDoubles(n, "values", values);
        } else {
            if (values == null || values.isEmpty()) {
                n.putNull("value");
            } else {
                n.put("value", values.get(0));
            }
            n.putNull("values");
        }
        Instant complete = template.complete() != null ? template.complete()
                : template.state().isFinished() ? now : null;
        if (complete != null) {
            putTimestamp(n, "datetime_complete", complete);
        }
        ObjectNode distributions = n.putObject("distributions");
        ObjectNode params = n.putObject("params");
        for (Map.Entry<String, Object> p : template.params().entrySet()) {
            Distribution d = template.distributions().get(p.getKey());
            if (d == null) {
                throw new IllegalArgumentException("parameter '" + p.getKey() + "' of the trial template has no"
                        + " distribution");
            }
            distributions.put(p.getKey(), DistributionJson.toJson(d));
            params.put(p.getKey(), d.toInternal(p.getValue()));
        }
        n.set("user_attrs", JournalJson.toJson(template.userAttrs()));
        n.set("system_attrs", JournalJson.toJson(template.systemAttrs()));
        ObjectNode intermediate = n.putObject("intermediate_values");
        template.intermediateValues().forEach((step, v) -> intermediate.put(String.valueOf(step), v));
        return n;
    }

    public static ObjectNode setParam(String workerId, long trialId, String name, double internal,
            Distribution distribution) {
        ObjectNode n = line(JournalOp.SET_TRIAL_PARAM, workerId);
        n.put("trial_id", trialId);
        n.put("param_name", name);
        if (distribution instanceof dev.hpo.space.CategoricalDistribution) {
            n.put("param_value_internal", (long) internal);
        } else {
            n.put("param_value_internal", internal);
        }
        n.put("distribution", DistributionJson.toJson(distribution));
        return n;
    }

    /** A state change; RUNNING carries {@code datetime_start}, finished states {@code datetime_complete}. */
    public static ObjectNode setState(String workerId, long trialId, TrialState state, List<Double> values,
            Instant now) {
        ObjectNode n = line(JournalOp.SET_TRIAL_STATE_VALUES, workerId);
        n.put("trial_id", trialId);
        n.put("state", stateCode(state));
        if (values == null) {
            n.putNull("values");
        } else {
            putDoubles(n, "values", values);
        }
        if (state == TrialState.RUNNING) {
            n.put("datetime_start", JournalJson.timestamp(now));
        } else if (state.isFinished()) {
            n.put("datetime_complete", JournalJson.timestamp(now));
        }
        return n;
    }

    public static ObjectNode setIntermediateValue(String workerId, long trialId, int step, double value) {
        ObjectNode n = line(JournalOp.SET_TRIAL_INTERMEDIATE_VALUE, workerId);
        n.put("trial_id", trialId);
        n.put("step", step);
        n.put("intermediate_value", value);
        return n;
    }

    public static ObjectNode setTrialAttr(String workerId, long trialId, boolean user, String key, Object value) {
        ObjectNode n = line(user ? JournalOp.SET_TRIAL_USER_ATTR : JournalOp.SET_TRIAL_SYSTEM_ATTR, workerId);
        n.put("trial_id", trialId);
        n.putObject(user ? "user_attr" : "system_attr").set(key, JournalJson.toJson(value));
        return n;
    }

    private static void putTimestamp(ObjectNode n, String field, Instant instant) {
        if (instant == null) {
            n.putNull(field);
        } else {
            n.put(field, JournalJson.timestamp(instant));
        }
    }

    private static void putDoubles(ObjectNode n, String field, List<Double> values) {
        ArrayNode a = n.putArray(field);
        for (Double v : values) {
            if (v == null) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }
}
