package dev.hpo.storage;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Studies kept in this JVM's memory ({@code memory:}): the fastest storage, for a study that lives and dies
 * with one process. Every operation holds one lock, which is cheap next to any objective.
 */
public final class InMemoryStorage implements Storage {

    private static final class StudyRecord {
        final long id;
        final String name;
        final List<Direction> directions;
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final TrialIndex trials = new TrialIndex();

        StudyRecord(long id, String name, List<Direction> directions) {
            this.id = id;
            this.name = name;
            this.directions = List.copyOf(directions);
        }
    }

    private final Clock clock;
    private final Map<Long, StudyRecord> studies = new LinkedHashMap<>();
    private final Map<String, StudyRecord> byName = new HashMap<>();
    private final List<TrialRecord> trials = new ArrayList<>();
    private final Map<Long, Instant> heartbeats = new HashMap<>();
    private long nextStudyId;

    public InMemoryStorage() {
        this(Clock.systemUTC());
    }

    /** A storage whose timestamps come from the given clock (tests). */
    public InMemoryStorage(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized long createStudy(String name, List<Direction> directions) {
        if (byName.containsKey(name)) {
            throw new DuplicateStudyException(name);
        }
        StudyRecord s = new StudyRecord(nextStudyId++, name, directions);
        studies.put(s.id, s);
        byName.put(name, s);
        return s.id;
    }

    @Override
    public synchronized Optional<Long> findStudy(String name) {
        StudyRecord s = byName.get(name);
        return s == null ? Optional.empty() : Optional.of(s.id);
    }

    @Override
    public synchronized StudyInfo study(long studyId) {
        StudyRecord s = studyRecord(studyId);
        return new StudyInfo(s.id, s.name, s.directions, s.userAttrs, s.systemAttrs);
    }

    @Override
    public synchronized List<StudyInfo> studies() {
        List<StudyInfo> out = new ArrayList<>();
        for (StudyRecord s : studies.values()) {
            out.add(new StudyInfo(s.id, s.name, s.directions, s.userAttrs, s.systemAttrs));
        }
        return out;
    }

    @Override
    public synchronized void deleteStudy(long studyId) {
        StudyRecord s = studyRecord(studyId);
        studies.remove(studyId);
        byName.remove(s.name);
    }

    @Override
    public synchronized void setStudyUserAttr(long studyId, String key, Object value) {
        studyRecord(studyId).userAttrs.put(key, detached(value));
    }

    @Override
    public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
        studyRecord(studyId).systemAttrs.put(key, detached(value));
    }

    @Override
    public synchronized long createTrial(long studyId, FrozenTrial template) {
        StudyRecord s = studyRecord(studyId);
        TrialRecord t = new TrialRecord(trials.size(), studyId, s.trials.size(), template, clock.instant());
        trials.add(t);
        s.trials.add(t);
        return t.id;
    }

    @Override
    public synchronized void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        TrialRecord t = trialRecord(trialId);
        t.setParam(name, internalValue, distribution);
        changed(t);
    }

    @Override
    public synchronized boolean setTrialState(long trialId, TrialState state, List<Double> values) {
        TrialRecord t = trialRecord(trialId);
        boolean done = t.setState(state, values, clock.instant());
        if (done) {
            changed(t);
            if (state.isFinished()) {
                heartbeats.remove(trialId);
            }
        }
        return done;
    }

    @Override
    public synchronized void setTrialIntermediateValue(long trialId, int step, double value) {
        TrialRecord t = trialRecord(trialId);
        t.setIntermediateValue(step, value);
        changed(t);
    }

    @Override
    public synchronized void setTrialUserAttr(long trialId, String key, Object value) {
        TrialRecord t = trialRecord(trialId);
        t.checkUpdatable();
        t.setUserAttr(key, detached(value));
        changed(t);
    }

    @Override
    public synchronized void setTrialSystemAttr(long trialId, String key, Object value) {
        TrialRecord t = trialRecord(trialId);
        t.checkUpdatable();
        t.setSystemAttr(key, detached(value));
        changed(t);
    }

    /**
     * An attribute value that later changes to the caller's list or map cannot reach, and that readers cannot change:
     * what the other storages give by writing JSON and reading it back.
     */
    static Object detached(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(detached(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, detached(v)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }

    @Override
    public synchronized FrozenTrial trial(long trialId) {
        return trialRecord(trialId).freeze();
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId) {
        return studyRecord(studyId).trials.frozen();
    }

    /** Reads only the index of unfinished trials when only WAITING or RUNNING ones are asked for. */
    @Override
    public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return studyRecord(studyId).trials.frozen(states);
    }

    @Override
    public synchronized void recordHeartbeat(long trialId) {
        trialRecord(trialId);
        heartbeats.put(trialId, clock.instant());
    }

    @Override
    public synchronized List<Long> staleTrials(long studyId, Duration grace) {
        Instant limit = clock.instant().minus(grace);
        List<Long> out = new ArrayList<>();
        for (TrialRecord t : studyRecord(studyId).trials.records()) {
            Instant beat = heartbeats.get(t.id);
            if (t.state == TrialState.RUNNING && beat != null && beat.isBefore(limit)) {
                out.add(t.id);
            }
        }
        return out;
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return "memory:";
    }

    private void changed(TrialRecord t) {
        StudyRecord s = studies.get(t.studyId);
        if (s != null) {
            s.trials.changed(t);
        }
    }

    private StudyRecord studyRecord(long studyId) {
        StudyRecord s = studies.get(studyId);
        if (s == null) {
            throw new StorageException("no study with id " + studyId + " in memory storage");
        }
        return s;
    }

    private TrialRecord trialRecord(long trialId) {
        if (trialId < 0 || trialId >= trials.size()) {
            throw new StorageException("no trial with id " + trialId + " in memory storage");
        }
        return trials.get((int) trialId);
    }
}
