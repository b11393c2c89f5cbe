package dev.hpo.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.DistributionJson;
import dev.hpo.storage.journal.JournalFile;
import dev.hpo.storage.journal.JournalJson;
import dev.hpo.storage.journal.JournalLines;
import dev.hpo.storage.journal.JournalOp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The studies and trials a journal describes, rebuilt by applying its lines in order with Optuna's replay rules:
 * study ids and trial ids are given in order of the lines that create them (trial ids across all studies); lines
 * about an unknown study or trial, or that change a finished trial, are ignored; a RUNNING line for a trial that
 * is no longer WAITING is ignored (the worker whose line came first owns an enqueued trial); a parameter whose
 * distribution is incompatible with the one the study already uses for that name is ignored. Lines are checked
 * against these rules before they are written, so the rules only ever drop lines of other writers that lost a race.
 * Not thread safe: {@link JournalStorage} locks.
 */
final class JournalReplay implements JournalFile.LineConsumer {

    /** One study: what {@link StudyInfo} shows, its trials and the kind each parameter name has. */
    static final class StudyState {
        final long id;
        final String name;
        final List<Direction> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final TrialIndex trials = new TrialIndex();
        final Map<String, Distribution> paramKinds = new HashMap<>();

        StudyState(long id, String name, List<Direction> directions) {
            this.id = id;
            this.name = name;
            this.directions = List.copyOf(directions);
        }

        StudyInfo info() {
            return new StudyInfo(id, name, directions, userAttrs, systemAttrs);
        }
    }

    private final String file;
    private final Map<Long, StudyState> studies = new LinkedHashMap<>();
    private final Map<String, StudyState> byName = new HashMap<>();
    private final List<TrialRecord> trials = new ArrayList<>();
    private final List<StudyState> studyOfTrial = new ArrayList<>();
    private final Map<String, Distribution> distributionCache = new HashMap<>();
    private long nextStudyId;

    JournalReplay(String file) {
        this.file = file;
    }

    @Override
    public boolean accept(byte[] bytes, int offset, int length, long lineNumber, boolean last) {
        JsonNode line;
        try {
            line = JournalJson.parse(bytes, offset, length);
        } catch (IOException e) {
            if (last) {
                return false; // a line still being written, or the torn end of a crashed writer
            }
            throw corrupt(lineNumber, "is not valid JSON (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")", bytes, offset, length, e);
        }
        return accept(line, bytes, offset, length, lineNumber);
    }

    /** Applies a line already parsed; its bytes only name it in an error. */
    boolean accept(JsonNode line, byte[] bytes, int offset, int length, long lineNumber) {
        try {
            apply(line);
        } catch (RuntimeException e) {
            throw corrupt(lineNumber, "cannot be applied (" + e.getMessage() + ")", bytes, offset, length, e);
        }
        return true;
    }

    private StorageException corrupt(long lineNumber, String problem, byte[] bytes, int offset, int length,
            Exception cause) {
        String text = printable(new String(bytes, offset, Math.min(length, 200), StandardCharsets.UTF_8));
        return new StorageException("journal " + file + " line " + lineNumber + " " + problem + ": "
                + (length == 0 ? "(an empty line)" : text + (length > 200 ? "..." : "")) + "; the lines before it are"
                + " intact: restore the file from a backup, or cut it before line " + lineNumber + " to keep the"
                + " studies up to there", cause);
    }

    /** The line as a terminal may print it: control characters and undecodable bytes as \\uXXXX. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0xFFFD) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private void apply(JsonNode line) {
        JsonNode code = line.get("op_code");
        if (code == null || !code.isInt()) {
            throw new IllegalArgumentException("no integer op_code");
        }
        JournalOp op = JournalOp.of(code.intValue());
        if (op == null) {
            throw new IllegalArgumentException("unknown op_code " + code.intValue());
        }
        switch (op) {
            case CREATE_STUDY -> createStudy(line);
            case DELETE_STUDY -> deleteStudy(line);
            case SET_STUDY_USER_ATTR, SET_STUDY_SYSTEM_ATTR -> setStudyAttr(line, op == JournalOp.SET_STUDY_USER_ATTR);
            case CREATE_TRIAL -> createTrial(line);
            case SET_TRIAL_PARAM -> setParam(line);
            case SET_TRIAL_STATE_VALUES -> setState(line);
            case SET_TRIAL_INTERMEDIATE_VALUE -> setIntermediateValue(line);
            case SET_TRIAL_USER_ATTR, SET_TRIAL_SYSTEM_ATTR -> setTrialAttr(line, op == JournalOp.SET_TRIAL_USER_ATTR);
            case DISCARD_TRIALS -> {
                // Optuna's replay skips it; so does this one
            }
        }
    }

    private static JsonNode required(JsonNode line, String field) {
        JsonNode v = line.get(field);
        if (v == null) {
            throw new IllegalArgumentException("no field '" + field + "'");
        }
        return v;
    }

    private void createStudy(JsonNode line) {
        String name = required(line, "study_name").asText();
        if (byName.containsKey(name)) {
            return;
        }
        List<Direction> directions = new ArrayList<>();
        for (JsonNode d : required(line, "directions")) {
            directions.add(JournalLines.direction(d.intValue()));
        }
        StudyState s = new StudyState(nextStudyId++, name, directions);
        studies.put(s.id, s);
        byName.put(name, s);
    }

    private void deleteStudy(JsonNode line) {
        StudyState s = studies.remove(required(line, "study_id").longValue());
        if (s != null) {
            byName.remove(s.name);
        }
    }

    private void setStudyAttr(JsonNode line, boolean user) {
        StudyState s = studies.get(required(line, "study_id").longValue());
        if (s != null) {
            putAttr(required(line, user ? "user_attr" : "system_attr"), user ? s.userAttrs : s.systemAttrs);
        }
    }

    private static void putAttr(JsonNode attr, Map<String, Object> into) {
        Iterator<Map.Entry<String, JsonNode>> fields = attr.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            into.put(e.getKey(), JournalJson.toJava(e.getValue()));
        }
    }

    private void createTrial(JsonNode line) {
        StudyState s = studies.get(required(line, "study_id").longValue());
        if (s == null) {
            return;
        }
        long id = trials.size();
        int number = s.trials.size();
        TrialRecord t;
        if (!line.has("state")) {
            t = new TrialRecord(id, s.id, number, null, JournalJson.instant(line.get("datetime_start")));
        } else {
            t = new TrialRecord(id, s.id, number, template(line), null);
            t.distributions.forEach((name, d) -> s.paramKinds.putIfAbsent(name, d));
        }
        trials.add(t);
        studyOfTrial.add(s);
        s.trials.add(t);
    }

    private FrozenTrial template(JsonNode line) {
        TrialState state = JournalLines.state(line.get("state").intValue());
        List<Double> values = JournalJson.doubles(line.get("values"));
        JsonNode value = line.get("value");
        if (values == null && value != null && !value.isNull()) {
            values = List.of(value.doubleValue());
        }
        Map<String, Distribution> distributions = new LinkedHashMap<>();
        JsonNode dists = line.path("distributions");
        Iterator<Map.Entry<String, JsonNode>> it = dists.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            distributions.put(e.getKey(), distribution(e.getValue().asText()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        it = line.path("params").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Distribution d = distributions.get(e.getKey());
            if (d == null) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no distribution");
            }
            params.put(e.getKey(), d.toExternal(e.getValue().doubleValue()));
        }
        TreeMap<Integer, Double> intermediate = new TreeMap<>();
        it = line.path("intermediate_values").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            intermediate.put(Integer.parseInt(e.getKey()), e.getValue().doubleValue());
        }
        Map<String, Object> userAttrs = new LinkedHashMap<>();
        putAttr(line.path("user_attrs"), userAttrs);
        Map<String, Object> systemAttrs = new LinkedHashMap<>();
        putAttr(line.path("system_attrs"), systemAttrs);
        return new FrozenTrial(0, -1, state, values, params, distributions, intermediate, userAttrs, systemAttrs,
                JournalJson.instant(line.get("datetime_start")), JournalJson.instant(line.get("datetime_complete")));
    }

    private Distribution distribution(String json) {
        Distribution d = distributionCache.get(json);
        if (d == null) {
            d = DistributionJson.fromJson(json);
            distributionCache.put(json, d);
        }
        return d;
    }

    /** The trial a line updates, or null when the line is to be ignored (unknown or finished trial). */
    private TrialRecord updatable(JsonNode line) {
        long id = required(line, "trial_id").longValue();
        if (id < 0 || id >= trials.size()) {
            return null;
        }
        TrialRecord t = trials.get((int) id);
        return t.state.isFinished() ? null : t;
    }

    private void setParam(JsonNode line) {
        TrialRecord t = updatable(line);
        if (t == null) {
            return;
        }
        String name = required(line, "param_name").asText();
        Distribution d = distribution(required(line, "distribution").asText());
        if (compatibilityProblem(t, name, d) != null) {
            return;
        }
        studyOfTrial.get((int) t.id).paramKinds.putIfAbsent(name, d);
        t.setParam(name, required(line, "param_value_internal").doubleValue(), d);
        changed(t);
    }

    private void setState(JsonNode line) {
        TrialRecord t = updatable(line);
        if (t == null) {
            return;
        }
        TrialState state = JournalLines.state(required(line, "state").intValue());
        List<Double> values = JournalJson.doubles(line.get("values"));
        Instant when = JournalJson.instant(line.get(state == TrialState.RUNNING ? "datetime_start" : "datetime_complete"));
        if (state == TrialState.RUNNING && t.state != TrialState.WAITING) {
            return; // another worker's line came first and owns the trial
        }
        Instant start = t.start;
        Instant complete = t.complete;
        if (t.setState(state, values != null ? values : t.values, when)) {
            if (state != TrialState.RUNNING) {
                t.start = start;
            }
            if (!state.isFinished()) {
                t.complete = complete;
            }
            changed(t);
        }
    }

    private void setIntermediateValue(JsonNode line) {
        TrialRecord t = updatable(line);
        if (t != null) {
            t.setIntermediateValue(required(line, "step").intValue(), required(line, "intermediate_value").doubleValue());
            changed(t);
        }
    }

    private void setTrialAttr(JsonNode line, boolean user) {
        TrialRecord t = updatable(line);
        if (t == null) {
            return;
        }
        Map<String, Object> attr = new LinkedHashMap<>();
        putAttr(required(line, user ? "user_attr" : "system_attr"), attr);
        attr.forEach(user ? t::setUserAttr : t::setSystemAttr);
        changed(t);
    }

    private void changed(TrialRecord t) {
        studyOfTrial.get((int) t.id).trials.changed(t);
    }

    /**
     * Why a parameter line would be ignored, or null when it applies: the trial already has the name with another
     * distribution, or the study uses the name with another kind of distribution (or other choices).
     */
    String compatibilityProblem(TrialRecord t, String name, Distribution d) {
        Distribution own = t.distributions.get(name);
        if (own != null && !own.equals(d)) {
            return "parameter '" + name + "' of trial " + t.number + " is already " + own + ", not " + d;
        }
        Distribution kind = studyOfTrial.get((int) t.id).paramKinds.get(name);
        if (kind != null && (kind.getClass() != d.getClass() || (kind instanceof CategoricalDistribution
                && !kind.equals(d)))) {
            return "parameter '" + name + "' is " + kind + " in earlier trials of the study, not " + d;
        }
        return null;
    }

    long nextStudyId() {
        return nextStudyId;
    }

    // ---- what a snapshot saves and restores (JournalSnapshot) ---------------------------------------------------

    /** Every trial by id, including those of deleted studies (ids are global and stay taken). */
    List<TrialRecord> allTrials() {
        return trials;
    }

    StudyState studyOf(TrialRecord t) {
        return studyOfTrial.get((int) t.id);
    }

    /** The studies not deleted, in creation order. */
    Iterable<StudyState> liveStudies() {
        return studies.values();
    }

    void restoreNextStudyId(long next) {
        nextStudyId = next;
    }

    /** Adds a restored study; a deleted one only holds its trials and is found by no id or name. */
    void restoreStudy(StudyState s, boolean live) {
        if (live) {
            studies.put(s.id, s);
            byName.put(s.name, s);
        }
    }

    /** Adds a restored trial, the next id, to its study. */
    void restoreTrial(TrialRecord t, StudyState s) {
        if (t.id != trials.size()) {
            throw new IllegalArgumentException("trial id " + t.id + " restored out of order");
        }
        trials.add(t);
        studyOfTrial.add(s);
        s.trials.add(t);
    }

    long nextTrialId() {
        return trials.size();
    }

    StudyState findStudy(String name) {
        return byName.get(name);
    }

    /** The study with that id; throws {@link StorageException} naming the journal for an unknown one. */
    StudyState study(long id) {
        StudyState s = studies.get(id);
        if (s == null) {
            throw new StorageException("no study with id " + id + " in journal " + file);
        }
        return s;
    }

    List<StudyInfo> studies() {
        List<StudyInfo> out = new ArrayList<>(studies.size());
        for (StudyState s : studies.values()) {
            out.add(s.info());
        }
        return out;
    }

    /** The trial with that id; throws {@link StorageException} naming the journal for an unknown one. */
    TrialRecord trial(long id) {
        if (id < 0 || id >= trials.size()) {
            throw new StorageException("no trial with id " + id + " in journal " + file);
        }
        return trials.get((int) id);
    }

    List<FrozenTrial> trials(long studyId) {
        return study(studyId).trials.frozen();
    }

    List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return study(studyId).trials.frozen(states);
    }
}
