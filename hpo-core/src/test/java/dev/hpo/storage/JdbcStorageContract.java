package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import dev.hpo.storage.jdbc.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every database behind {@link JdbcStorage} must do, checked against {@link InMemoryStorage} as the reference:
 * the same operations, read back through a fresh storage, give equal trials.
 */
abstract class JdbcStorageContract {

    /** The URL of a new, empty database. */
    abstract String freshUrl();

    JdbcStorage open(String url, Clock clock) {
        return new JdbcStorage(url, new Properties(), RetryPolicy.DEFAULT, clock);
    }

    /** A clock that advances by an odd number of nanoseconds at every read, so times round-trip exactly or fail. */
    static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2024-05-01T10:15:30.123456789Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusNanos(1_234_567_891L);
            return now;
        }
    }

    /** The same study, operation by operation, as a user and the study would write it. */
    static long writeScenario(Storage storage) {
        Study study = Study.builder().storage(storage).name("round-trip")
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(new RandomSampler(7)).build();
        study.setUserAttr("dataset", "digits");
        study.setSystemAttr("nested", Map.of("a", List.of(1, 2.5, "x"), "nan", Double.NaN));
        for (int i = 0; i < 6; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", -5, 5);
            double lr = t.suggestFloat("lr", 1e-4, 1, true);
            double drop = t.suggestFloat("dropout", 0, 0.5, 0.05);
            int depth = t.suggestInt("depth", 2, 32);
            long width = t.suggestLong("width", 1, 1L << 40, 1, true);
            Object kernel = t.suggestCategorical("kernel", Arrays.asList("rbf", "linear", null, 3, 2.5, true));
            storage.setTrialIntermediateValue(t.id(), 0, x); // Trial.report is for single-objective studies
            storage.setTrialIntermediateValue(t.id(), 1, Double.NaN);
            storage.setTrialIntermediateValue(t.id(), 2, Double.POSITIVE_INFINITY);
            t.setUserAttr("kernel-seen", String.valueOf(kernel));
            t.setUserAttr("list", List.of(depth, String.valueOf(width), "w"));
            t.setUserAttr("inf", Double.NEGATIVE_INFINITY);
            switch (i % 3) {
                case 0 -> study.tell(t, x * lr, i == 3 ? Double.POSITIVE_INFINITY : drop);
                case 1 -> study.tell(t, TrialState.PRUNED);
                default -> study.tell(t, TrialState.FAIL);
            }
        }
        study.enqueueTrial(Map.of("x", 1.5, "kernel", "rbf"), Map.of("why", "warm start"));
        Map<String, Distribution> dists = new LinkedHashMap<>();
        dists.put("x", FloatDistribution.of(-5, 5));
        dists.put("depth", IntDistribution.stepped(2, 32, 2));
        dists.put("kernel", CategoricalDistribution.of(List.of("rbf", "linear")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("x", -2.25);
        params.put("depth", 8);
        params.put("kernel", "linear");
        TreeMap<Integer, Double> steps = new TreeMap<>(Map.of(0, 1.0, 5, Double.NEGATIVE_INFINITY));
        long added = storage.createTrial(study.id(), new FrozenTrial(0, -1, TrialState.COMPLETE,
                List.of(Double.NaN, Double.NEGATIVE_INFINITY), params, dists, steps, Map.of("u", 1),
                Map.of("s", List.of()), Instant.parse("2020-01-01T00:00:00.000000001Z"),
                Instant.parse("2020-01-01T00:00:01Z")));
        assertTrue(added >= 0);
        Trial running = study.ask();
        running.suggestFloat("x", -5, 5);
        return study.id();
    }

    static List<FrozenTrial> withoutIds(List<FrozenTrial> trials) {
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : trials) {
            out.add(new FrozenTrial(t.number(), 0, t.state(), t.values(), t.params(), t.distributions(),
                    t.intermediateValues(), t.userAttrs(), t.systemAttrs(), t.start(), t.complete()));
        }
        return out;
    }

    @Test
    void studyReadBackByFreshStorageEqualsTheInMemoryReference() {
        InMemoryStorage reference = new InMemoryStorage(new TickingClock());
        long refId = writeScenario(reference);
        String url = freshUrl();
        long id;
        try (JdbcStorage writer = open(url, new TickingClock())) {
            id = writeScenario(writer);
        }
        try (JdbcStorage reader = open(url, Clock.systemUTC())) {
            List<FrozenTrial> expected = reference.trials(refId);
            List<FrozenTrial> actual = reader.trials(id);
            assertEquals(withoutIds(expected), withoutIds(actual));
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(new ArrayList<>(expected.get(i).params().keySet()),
                        new ArrayList<>(actual.get(i).params().keySet()), "suggestion order of trial " + i);
            }
            StudyInfo info = reader.study(id);
            assertEquals(reference.study(refId).userAttrs(), info.userAttrs());
            assertEquals(reference.study(refId).systemAttrs(), info.systemAttrs());
            assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), info.directions());
            assertEquals("round-trip", info.name());
            assertEquals(actual.get(3), reader.trial(actual.get(3).id()));
        }
    }

    @Test
    void trialsInStatesReturnsOnlyThoseStatesInNumberOrder() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long id = writeScenario(s);
            // trial 6 was enqueued and then taken by the scenario's last ask
            List<FrozenTrial> some = s.trials(id, EnumSet.of(TrialState.PRUNED, TrialState.RUNNING));
            assertEquals(List.of(1, 4, 6), some.stream().map(FrozenTrial::number).toList());
            assertEquals(List.of(), s.trials(id, EnumSet.of(TrialState.WAITING)));
            assertEquals(List.of(), s.trials(id, EnumSet.noneOf(TrialState.class)));
        }
    }

    @Test
    void enqueuedTrialIsTakenWithItsFixedParameters() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            Study study = Study.builder().storage(s).name("enqueue").sampler(new RandomSampler(1)).build();
            study.enqueueTrial(Map.of("x", 0.25));
            Trial t = study.ask();
            assertEquals(0.25, t.suggestFloat("x", 0, 1));
            study.tell(t, 1.0);
            assertEquals(TrialState.COMPLETE, s.trial(t.id()).state());
            assertEquals(Map.of("x", 0.25), s.trial(t.id()).params());
        }
    }

    @Test
    void takingAWaitingTrialSucceedsOnlyOnce() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("claim", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, new FrozenTrial(0, -1, TrialState.WAITING, null, null, null, null,
                    null, null, null, null));
            assertTrue(s.setTrialState(trial, TrialState.RUNNING, null));
            assertFalse(s.setTrialState(trial, TrialState.RUNNING, null));
            assertTrue(s.trial(trial).start() != null);
            s.setTrialState(trial, TrialState.COMPLETE, List.of(1.0));
            assertFalse(s.setTrialState(trial, TrialState.RUNNING, null), "finished by the worker that took it");
        }
    }

    @Test
    void finishedTrialCannotChange() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("finished", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, null);
            s.setTrialState(trial, TrialState.COMPLETE, List.of(1.0));
            assertThrows(IllegalStateException.class, () -> s.setTrialState(trial, TrialState.FAIL, null));
            assertThrows(IllegalStateException.class,
                    () -> s.setTrialParam(trial, "x", 0.5, FloatDistribution.of(0, 1)));
            assertThrows(IllegalStateException.class, () -> s.setTrialIntermediateValue(trial, 1, 0.5));
            assertEquals(List.of(1.0), s.trial(trial).values());
        }
    }

    @Test
    void parameterKeepsItsDistribution() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("dist", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, null);
            s.setTrialParam(trial, "x", 0.5, FloatDistribution.of(0, 1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.setTrialParam(trial, "x", 0.5, FloatDistribution.of(0, 2)));
            assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        }
    }

    @Test
    void createdRunningTrialIsWhatTheStorageReadsBack() {
        try (JdbcStorage s = open(freshUrl(), new TickingClock())) {
            long study = s.createStudy("created", List.of(Direction.MINIMIZE));
            s.createTrial(study, null);
            FrozenTrial created = s.createRunningTrial(study);
            assertEquals(1, created.number());
            assertEquals(TrialState.RUNNING, created.state());
            assertEquals(s.trial(created.id()), created);
            assertThrows(StorageException.class, () -> s.createRunningTrial(4747));
        }
    }

    @Test
    void waitingTrialsAreFoundAndAnUnknownStudyHasNone() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("waiting", List.of(Direction.MINIMIZE));
            FrozenTrial waiting = new FrozenTrial(0, -1, TrialState.WAITING, null, null, null, null, Map.of("u", 1),
                    null, null, null);
            s.createTrial(study, null);
            s.createTrial(study, waiting);
            s.createTrial(study, waiting);
            List<FrozenTrial> found = s.trials(study, EnumSet.of(TrialState.WAITING));
            assertEquals(List.of(1, 2), found.stream().map(FrozenTrial::number).toList());
            assertEquals(Map.of("u", 1), found.get(0).userAttrs());
            assertThrows(StorageException.class, () -> s.trials(4848, EnumSet.of(TrialState.WAITING)));
        }
    }

    @Test
    void intermediateValueReportedTwiceKeepsTheLastAndAttributesOfFinishedTrialsChange() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("steps", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, null);
            s.setTrialIntermediateValue(trial, 3, 0.5);
            s.setTrialIntermediateValue(trial, 3, Double.NaN);
            s.setTrialState(trial, TrialState.COMPLETE, List.of(2.0));
            s.setTrialUserAttr(trial, "after", "tell");
            FrozenTrial read = s.trial(trial);
            assertTrue(Double.isNaN(read.intermediateValues().get(3)));
            assertEquals(Map.of("after", "tell"), read.userAttrs());
            assertThrows(StorageException.class, () -> s.setTrialIntermediateValue(4949, 0, 1.0));
        }
    }

    @Test
    void duplicateStudyNameIsRefused() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            s.createStudy("twice", List.of(Direction.MINIMIZE));
            assertThrows(DuplicateStudyException.class, () -> s.createStudy("twice", List.of(Direction.MAXIMIZE)));
        }
    }

    @Test
    void deletedStudyIsGoneWithItsTrials() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long keep = s.createStudy("keep", List.of(Direction.MINIMIZE));
            long id = writeScenario(s);
            s.recordHeartbeat(s.trials(id).get(0).id());
            s.deleteStudy(id);
            assertEquals(List.of("keep"), s.studies().stream().map(StudyInfo::name).toList());
            assertTrue(s.findStudy("round-trip").isEmpty());
            assertThrows(StorageException.class, () -> s.trials(id));
            assertEquals(keep, s.findStudy("keep").orElseThrow());
        }
    }

    @Test
    void unknownIdsAreStorageExceptionsNamingTheId() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            StorageException e = assertThrows(StorageException.class, () -> s.study(4242));
            assertTrue(e.getMessage().contains("4242"), e.getMessage());
            assertThrows(StorageException.class, () -> s.trial(4343));
            assertThrows(StorageException.class, () -> s.createTrial(4444, null));
            assertThrows(StorageException.class, () -> s.setTrialUserAttr(4545, "k", 1));
        }
    }

    @Test
    void attributeSetTwiceKeepsTheLastValue() {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("attrs", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, null);
            s.setTrialUserAttr(trial, "k", 1);
            s.setTrialUserAttr(trial, "k", "two");
            s.setTrialSystemAttr(trial, "k", 3.5);
            s.setStudyUserAttr(study, "k", List.of(1));
            s.setStudyUserAttr(study, "k", Map.of("b", true));
            assertEquals(Map.of("k", "two"), s.trial(trial).userAttrs());
            assertEquals(Map.of("k", 3.5), s.trial(trial).systemAttrs());
            assertEquals(Map.of("k", Map.of("b", true)), s.study(study).userAttrs());
        }
    }

    @Test
    void heartbeatOfARunningTrialGoesStaleAfterTheGrace() throws InterruptedException {
        try (JdbcStorage s = open(freshUrl(), Clock.systemUTC())) {
            long study = s.createStudy("beats", List.of(Direction.MINIMIZE));
            long quiet = s.createTrial(study, null);
            long alive = s.createTrial(study, null);
            long finished = s.createTrial(study, null);
            s.recordHeartbeat(quiet);
            s.recordHeartbeat(finished);
            s.setTrialState(finished, TrialState.COMPLETE, List.of(1.0));
            assertEquals(List.of(), s.staleTrials(study, java.time.Duration.ofSeconds(30)));
            Thread.sleep(300);
            s.recordHeartbeat(alive);
            assertEquals(List.of(quiet), s.staleTrials(study, java.time.Duration.ofMillis(200)));
        }
    }

    @Test
    void newerSchemaVersionIsRefusedWithAClearError() throws Exception {
        String url = freshUrl();
        new JdbcStorage(url).close();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE hpo_version SET schema_version = 99");
        }
        StorageException e = assertThrows(StorageException.class, () -> new JdbcStorage(url));
        assertTrue(e.getMessage().contains("version 99") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void openingTwiceKeepsTheSchemaAndTheData() {
        String url = freshUrl();
        try (JdbcStorage s = new JdbcStorage(url)) {
            s.createStudy("kept", List.of(Direction.MAXIMIZE));
        }
        try (Storage s = Storages.open(url)) {
            assertEquals(List.of(Direction.MAXIMIZE), s.study(s.findStudy("kept").orElseThrow()).directions());
        }
    }
}
