package dev.hpo.storage;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.space.DistributionJson;
import dev.hpo.storage.jdbc.JdbcConnector;
import dev.hpo.storage.jdbc.JdbcConnector.Retry;
import dev.hpo.storage.jdbc.JdbcUrls;
import dev.hpo.storage.jdbc.JsonValues;
import dev.hpo.storage.jdbc.PendingWrites;
import dev.hpo.storage.jdbc.RetryPolicy;
import dev.hpo.storage.jdbc.Schema;
import dev.hpo.storage.jdbc.Sql;
import dev.hpo.storage.jdbc.StoredDouble;
import dev.hpo.storage.jdbc.TrialReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Studies in a relational database ({@code jdbc:postgresql://host/db}, and {@code jdbc:sqlite:}, {@code jdbc:h2:},
 * {@code jdbc:mysql:}, {@code jdbc:mariadb:}), shared by any number of threads, processes and machines.
 *
 * <p><b>Driver.</b> hpo-core does not bring a JDBC driver: add the one of your database to the dependencies
 * ({@code org.postgresql:postgresql} 42.7.x for PostgreSQL). A missing driver is reported naming the URL and the
 * artifact. Credentials go into the URL as the driver allows ({@code ?user=…&password=…}); when the URL names no
 * user or password, the environment variables {@code HPO_DB_USER} and {@code HPO_DB_PASSWORD} are used. Messages
 * never show the password.
 *
 * <p><b>Schema.</b> hpo creates its tables ({@code hpo_*}) when they are absent and records their version in
 * {@code hpo_version}; a database written by a newer hpo is refused rather than misread.
 *
 * <p><b>Concurrency.</b> Each operation is one short transaction. Trial numbers come from a counter on the study's
 * row, incremented by an UPDATE that the database serializes across all workers; a unique key on (study, number)
 * guards it. Taking an enqueued trial is an UPDATE conditional on the trial still WAITING, so exactly one worker
 * gets it. Within one JVM, the storage's threads share one connection, taking turns.
 *
 * <p><b>Durability and cost per trial.</b> A trial whose {@code tell} returned is committed with the server's
 * {@code synchronous_commit} (by default: flushed to disk). On PostgreSQL the writes that only concern a running
 * trial commit with {@code synchronous_commit = off}: they survive any crash of a worker and reach the disk with
 * the next flushed commit (at the latest the trial's {@code tell}) or within the server's {@code wal_writer_delay};
 * only a crash of the database server itself can lose the last of them, which leaves a trial that had not finished
 * with fewer parameters or none. On PostgreSQL a trial also costs few round trips: creating and finishing a trial
 * are one request each plus the commit (so that a connection lost before the commit is retried safely), the new
 * trial is returned by the statement that creates it, a trial is read back with one statement, and {@code ask}'s
 * look for WAITING trials is a count. Figures: {@code hpo-bench/results/storage-postgresql.md}.
 *
 * <p><b>When other workers see a running trial's writes (PostgreSQL).</b> The parameters, intermediate values and
 * attributes of a trial this storage created and has not finished wait in memory, as the journal's lines do, and
 * go out with the storage's next request of any kind: in the same request as the trial's {@code tell} (so a
 * random-sampler trial costs 6 round trips instead of 9, and one transaction instead of five), before any read of
 * this storage (a worker always reads its own writes), before any other write (they reach the database in the order
 * they were made), or {@value #FLUSH_DELAY_MILLIS} ms after the first of them at the latest, from a timer thread.
 * Other workers therefore see a running trial's parameters up to that long after they were set, where Optuna's RDB
 * storage shows them at once; for a running trial that matters only to samplers that look at other workers'
 * running trials (a constant liar), which then see them one delay later. They are checked when made (a parameter
 * keeps its distribution; a finished trial cannot change), against what this storage knows of its own trial. If the
 * worker dies (kill -9) within the delay, its running trial loses those last writes, and it ends up FAIL anyway.
 * If another worker finished the trial meanwhile (a stale trial marked FAIL), the waiting writes are dropped when
 * sent, since they only touch an unfinished trial, and this worker's {@code tell} fails as it would have. Writes of
 * any other trial (an enqueued trial taken from the queue, or one created elsewhere) are sent at once.
 *
 * <p><b>Failures.</b> A lost connection is re-opened and the transaction run again, with backoff (see
 * {@link RetryPolicy}); a server that stays away, or a commit whose outcome is unknown for an operation that must
 * not run twice, ends in a {@link StorageException} naming the URL and the operation. Nothing is dropped silently.
 *
 * <p><b>Clocks.</b> Trial start and completion times come from this JVM's clock (as with every storage), kept to
 * the nanosecond. Heartbeats use the database's clock for both the beat and the staleness check, so workers on
 * machines whose clocks disagree still judge each other correctly.
 *
 * <p>Values (objective, intermediate) keep NaN and ±Infinity; attributes are stored as JSON, distributions in
 * Optuna's JSON form.
 */
public final class JdbcStorage implements Storage {

    /** How long writes of a running trial may wait in memory (PostgreSQL) before they are sent on their own. */
    public static final Duration FLUSH_DELAY = Duration.ofMillis(JdbcStorage.FLUSH_DELAY_MILLIS);
    /** {@link #FLUSH_DELAY} in milliseconds. */
    public static final long FLUSH_DELAY_MILLIS = 100;

    private static final System.Logger LOG = System.getLogger(JdbcStorage.class.getName());
    private static final String STUDY_ATTRS = "hpo_study_attrs";
    /** A parameter of a running trial, as it waits to be sent: idempotent, and a no-op once the trial finished. */
    private static final String PARAM_UPSERT = "INSERT INTO hpo_trial_params (trial_id, param_name, internal_value,"
            + " distribution_json) SELECT t.trial_id, ?, ?, ? FROM hpo_trials t WHERE t.trial_id = ?"
            + " AND t.trial_state IN ('RUNNING', 'WAITING') ON CONFLICT (trial_id, param_name)"
            + " DO UPDATE SET internal_value = EXCLUDED.internal_value";
    private static final String TRIAL_ATTRS = "hpo_trial_attrs";

    private final JdbcConnector db;
    private final Clock clock;
    /** Guards {@link #pending} and {@link #flushArmed}; taken before the connection's lock, never after. */
    private final ReentrantLock pendingLock = new ReentrantLock();
    private final PendingWrites pending = new PendingWrites();
    /** Sends waiting writes after {@link #FLUSH_DELAY}; null where writes never wait (all but PostgreSQL). */
    private final ScheduledExecutorService flusher;
    private boolean flushArmed;

    /** Opens (and if needed creates) the hpo schema at a JDBC URL, with credentials from the environment. */
    public JdbcStorage(String url) {
        this(url, JdbcUrls.credentials(url, System.getenv()), RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    /**
     * Opens the hpo schema with explicit connection properties, retry policy and clock for trial times.
     *
     * @throws StorageException when the database cannot be reached, the driver is missing or the schema is newer
     */
    public JdbcStorage(String url, Properties properties, RetryPolicy retryPolicy, Clock clock) {
        this.db = new JdbcConnector(url, properties, retryPolicy);
        this.clock = clock;
        db.transaction("create or check the hpo schema", Retry.ALWAYS,
                c -> {
                    Schema.ensure(c, db.dialect(), db.redactedUrl());
                    return null;
                });
        this.flusher = db.dialect().pipelinesReads() ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpo-jdbc-flush " + db.redactedUrl());
            t.setDaemon(true);
            return t;
        }) : null;
    }

    @Override
    public long createStudy(String name, List<Direction> directions) {
        flush();
        String dirs = String.join(",", directions.stream().map(Direction::name).toList());
        return db.transaction("create study '" + name + "'", Retry.BEFORE_COMMIT, c -> {
            if (Sql.queryLong(c, "SELECT study_id FROM hpo_studies WHERE study_name = ?", name) != null) {
                throw new DuplicateStudyException(name);
            }
            return Sql.insertReturningKey(c, "INSERT INTO hpo_studies (study_name, directions, next_trial_number)"
                    + " VALUES (?, ?, 0)", name, dirs);
        });
    }

    @Override
    public Optional<Long> findStudy(String name) {
        flush();
        return Optional.ofNullable(db.transaction("find study '" + name + "'", Retry.ALWAYS,
                c -> Sql.queryLong(c, "SELECT study_id FROM hpo_studies WHERE study_name = ?", name)));
    }

    @Override
    public StudyInfo study(long studyId) {
        flush();
        List<StudyInfo> found = db.transaction("read study " + studyId, Retry.ALWAYS,
                c -> readStudies(c, " WHERE study_id = ?", studyId));
        if (found.isEmpty()) {
            throw noStudy(studyId);
        }
        return found.get(0);
    }

    @Override
    public List<StudyInfo> studies() {
        flush();
        return db.transaction("list the studies", Retry.ALWAYS, c -> readStudies(c, "", new Object[0]));
    }

    private List<StudyInfo> readStudies(Connection c, String where, Object... args) throws SQLException {
        snapshot(c);
        Map<Long, String[]> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT study_id, study_name, directions FROM hpo_studies" + where + " ORDER BY study_id")) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
        }
        Map<Long, Map<String, Object>> user = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> system = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id, attr_kind, attr_key, value_json FROM "
                + STUDY_ATTRS + where + " ORDER BY attr_id")) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Long, Map<String, Object>> target = "U".equals(rs.getString(2)) ? user : system;
                    target.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(3), JsonValues.read(rs.getString(4)));
                }
            }
        }
        List<StudyInfo> out = new ArrayList<>();
        rows.forEach((id, r) -> {
            List<Direction> directions = new ArrayList<>();
            for (String d : r[1].split(",")) {
                directions.add(Direction.valueOf(d.trim()));
            }
            out.add(new StudyInfo(id, r[0], directions, user.getOrDefault(id, Map.of()),
                    system.getOrDefault(id, Map.of())));
        });
        return out;
    }

    @Override
    public void deleteStudy(long studyId) {
        flush();
        db.transaction("delete study " + studyId, Retry.BEFORE_COMMIT, c -> {
            requireStudy(c, studyId);
            String trialsOfStudy = " WHERE trial_id IN (SELECT trial_id FROM hpo_trials WHERE study_id = ?)";
            for (String table : List.of("hpo_heartbeats", "hpo_trial_values", "hpo_trial_intermediate",
                    "hpo_trial_params", TRIAL_ATTRS)) {
                Sql.update(c, "DELETE FROM " + table + trialsOfStudy, studyId);
            }
            for (String table : List.of("hpo_trials", STUDY_ATTRS, "hpo_studies")) {
                Sql.update(c, "DELETE FROM " + table + " WHERE study_id = ?", studyId);
            }
            return null;
        });
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, "U", key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, "S", key, value);
    }

    private void setStudyAttr(long studyId, String kind, String key, Object value) {
        flush();
        String json = JsonValues.write(value);
        db.transaction("set attribute '" + key + "' of study " + studyId, Retry.ALWAYS, c -> {
            requireStudy(c, studyId);
            upsertAttr(c, STUDY_ATTRS, "study_id", studyId, kind, key, json);
            return null;
        });
    }

    @Override
    public long createTrial(long studyId, FrozenTrial template) {
        Instant now = clock.instant();
        TrialState state = template == null ? TrialState.RUNNING : template.state();
        Instant start = template == null ? now
                : template.start() != null ? template.start() : (state == TrialState.WAITING ? null : now);
        Instant complete = template == null ? null
                : template.complete() != null ? template.complete() : (state.isFinished() ? now : null);
        flush();
        long created = db.transaction("create a trial in study " + studyId, Retry.BEFORE_COMMIT, c -> {
            if (template == null && db.dialect().pipelinesReads()) {
                return insertRunningTrial(c, studyId, start)[0];
            }
            int number = nextTrialNumber(c, studyId);
            long trialId = Sql.insertReturningKey(c, "INSERT INTO hpo_trials (study_id, trial_number, trial_state,"
                    + " start_ns, complete_ns) VALUES (?, ?, ?, ?, ?)", studyId, number, state.name(),
                    TrialReader.nanos(start), TrialReader.nanos(complete));
            if (template != null) {
                writeTemplate(c, trialId, template);
            }
            return trialId;
        });
        if (template == null) {
            own(created);
        }
        return created;
    }

    /**
     * A new RUNNING trial in one statement, sent with the relaxed commit setting in one round trip (the commit is
     * the second): the number comes from the study row's counter as in {@link #nextTrialNumber}. Like the journal,
     * this does not wait for the disk: a trial is only worth keeping once it is told, and telling waits.
     *
     * @return the trial's id and number
     */
    private long[] insertRunningTrial(Connection c, long studyId, Instant start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(db.dialect().relaxedCommit() + "; WITH n AS (UPDATE"
                + " hpo_studies SET next_trial_number = next_trial_number + 1 WHERE study_id = ?"
                + " RETURNING next_trial_number - 1 AS num) INSERT INTO hpo_trials (study_id, trial_number,"
                + " trial_state, start_ns, complete_ns) SELECT ?, n.num, 'RUNNING', ?, NULL FROM n"
                + " RETURNING trial_id, trial_number")) {
            Sql.bind(ps, studyId, studyId, TrialReader.nanos(start));
            ps.execute();
            while (!ps.getMoreResults()) {
                if (ps.getUpdateCount() == -1) {
                    throw new SQLException("creating a trial returned no row and no count");
                }
            }
            try (ResultSet rs = ps.getResultSet()) {
                if (!rs.next()) {
                    throw noStudy(studyId);
                }
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * On PostgreSQL the new trial comes back from the statement that creates it, so it is not read again: a
     * RUNNING trial that nobody else knows yet has nothing but its number and start time.
     */
    @Override
    public FrozenTrial createRunningTrial(long studyId) {
        if (!db.dialect().pipelinesReads()) {
            return trial(createTrial(studyId, null));
        }
        flush();
        Instant start = clock.instant();
        long[] created = db.transaction("create a trial in study " + studyId, Retry.BEFORE_COMMIT,
                c -> insertRunningTrial(c, studyId, start));
        own(created[0]);
        return new FrozenTrial(Math.toIntExact(created[1]), created[0], TrialState.RUNNING, null, null, null, null,
                null, null, start, null);
    }

    /** Takes the study's next trial number; the UPDATE holds the study row's lock until the commit. */
    private int nextTrialNumber(Connection c, long studyId) throws SQLException {
        String increment = "UPDATE hpo_studies SET next_trial_number = next_trial_number + 1 WHERE study_id = ?";
        Long next;
        if (db.dialect().updateReturning()) {
            next = Sql.queryLong(c, increment + " RETURNING next_trial_number", studyId);
        } else {
            next = Sql.update(c, increment, studyId) == 0 ? null
                    : Sql.queryLong(c, "SELECT next_trial_number FROM hpo_studies WHERE study_id = ?", studyId);
        }
        if (next == null) {
            throw noStudy(studyId);
        }
        return Math.toIntExact(next - 1);
    }

    private static void writeTemplate(Connection c, long trialId, FrozenTrial t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hpo_trial_params (trial_id, param_name,"
                + " internal_value, distribution_json) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Object> p : t.params().entrySet()) {
                Distribution d = t.distributions().get(p.getKey());
                if (d == null) {
                    throw new IllegalArgumentException("parameter '" + p.getKey() + "' of the trial to store has no"
                            + " distribution");
                }
                Sql.bind(ps, trialId, p.getKey(), d.toInternal(p.getValue()), DistributionJson.toJson(d));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        writeValues(c, trialId, t.values());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hpo_trial_intermediate (trial_id, step_no,"
                + " num_value, value_kind) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
                ps.setLong(1, trialId);
                ps.setInt(2, e.getKey());
                StoredDouble.bind(ps, 3, 4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Map.Entry<String, Object> a : t.userAttrs().entrySet()) {
            upsertAttr(c, TRIAL_ATTRS, "trial_id", trialId, "U", a.getKey(), JsonValues.write(a.getValue()));
        }
        for (Map.Entry<String, Object> a : t.systemAttrs().entrySet()) {
            upsertAttr(c, TRIAL_ATTRS, "trial_id", trialId, "S", a.getKey(), JsonValues.write(a.getValue()));
        }
    }

    private static void writeValues(Connection c, long trialId, List<Double> values) throws SQLException {
        Sql.update(c, "DELETE FROM hpo_trial_values WHERE trial_id = ?", trialId);
        insertValues(c, trialId, values);
    }

    private static void insertValues(Connection c, long trialId, List<Double> values) throws SQLException {
        if (values == null || values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hpo_trial_values (trial_id, objective,"
                + " num_value, value_kind) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setLong(1, trialId);
                ps.setInt(2, i);
                StoredDouble.bind(ps, 3, 4, values.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        String json = DistributionJson.toJson(distribution);
        String operation = "set parameter '" + name + "' of trial " + trialId;
        // the common case in one statement: a new parameter of an unfinished trial
        String insertNew = "INSERT INTO hpo_trial_params (trial_id, param_name, internal_value, distribution_json)"
                + " SELECT t.trial_id, ?, ?, ? FROM hpo_trials t WHERE t.trial_id = ?"
                + " AND t.trial_state IN ('RUNNING', 'WAITING') AND NOT EXISTS (SELECT 1 FROM hpo_trial_params p"
                + " WHERE p.trial_id = t.trial_id AND p.param_name = ?)";
        Object[] args = {name, internalValue, json, trialId, name};
        if (flusher != null) {
            pendingLock.lock();
            try {
                Map<String, Distribution> own = pending.params(trialId);
                if (own != null) {
                    Distribution old = own.get(name);
                    if (old != null && !old.equals(distribution)) {
                        throw new IllegalArgumentException("parameter '" + name + "' of trial " + trialId
                                + " is already " + old + ", not " + distribution);
                    }
                    own.put(name, distribution);
                    queue(PARAM_UPSERT, name, internalValue, json, trialId);
                    return;
                }
            } finally {
                pendingLock.unlock();
            }
        }
        flush();
        if (relaxedRequest(operation, insertNew, args) == 1) {
            return;
        }
        db.transaction(operation, Retry.ALWAYS, c -> {
            if (Sql.update(c, insertNew, args) == 1) {
                return null;
            }
            requireUpdatable(c, trialId);
            String stored = Sql.queryString(c, "SELECT distribution_json FROM hpo_trial_params"
                    + " WHERE trial_id = ? AND param_name = ?", trialId, name);
            if (stored == null) {
                Sql.update(c, "INSERT INTO hpo_trial_params (trial_id, param_name, internal_value, distribution_json)"
                        + " VALUES (?, ?, ?, ?)", trialId, name, internalValue, json);
            } else {
                Distribution old = DistributionJson.fromJson(stored);
                if (!old.equals(distribution)) {
                    throw new IllegalArgumentException("parameter '" + name + "' of trial " + trialId + " is already "
                            + old + ", not " + distribution);
                }
                Sql.update(c, "UPDATE hpo_trial_params SET internal_value = ? WHERE trial_id = ? AND param_name = ?",
                        internalValue, trialId, name);
            }
            return null;
        });
    }

    @Override
    public boolean setTrialState(long trialId, TrialState state, List<Double> values) {
        Long now = TrialReader.nanos(clock.instant());
        if (flusher != null && state.isFinished()) {
            pendingLock.lock();
            try {
                db.transaction("set trial " + trialId + " to " + state, Retry.BEFORE_COMMIT, c -> {
                    if (finishInOneRequest(c, trialId, state, now, values, true) == 0) {
                        pending.finished(trialId);
                        requireUpdatable(c, trialId);
                    }
                    return null;
                });
                pending.sent();
                pending.finished(trialId);
                return true;
            } finally {
                pendingLock.unlock();
            }
        }
        flush();
        return db.transaction("set trial " + trialId + " to " + state, Retry.BEFORE_COMMIT, c -> {
            if (state == TrialState.RUNNING) {
                int claimed = Sql.update(c, "UPDATE hpo_trials SET trial_state = 'RUNNING', start_ns = ?"
                        + " WHERE trial_id = ? AND trial_state = 'WAITING'", now, trialId);
                if (claimed == 0) {
                    trialState(c, trialId);  // throws for a trial that does not exist; taken or finished: lost
                    return false;
                }
            } else if (db.dialect().pipelinesReads()) {
                if (finishInOneRequest(c, trialId, state, now, values, false) == 0) {
                    requireUpdatable(c, trialId);
                }
                return true;
            } else {
                // one round trip: the state change, and clearing the heartbeat and the values it replaces
                // (literals only: an enum name and numbers)
                int[] counts;
                try (Statement batch = c.createStatement()) {
                    batch.addBatch("UPDATE hpo_trials SET trial_state = '" + state.name() + "', complete_ns = "
                            + (state.isFinished() ? now : "NULL") + " WHERE trial_id = " + trialId
                            + " AND trial_state IN ('RUNNING', 'WAITING')");
                    batch.addBatch("DELETE FROM hpo_trial_values WHERE trial_id = " + trialId);
                    if (state.isFinished()) {
                        batch.addBatch("DELETE FROM hpo_heartbeats WHERE trial_id = " + trialId);
                    }
                    counts = batch.executeBatch();
                }
                if (counts[0] == 0) {
                    requireUpdatable(c, trialId);
                }
                insertValues(c, trialId, values);
                return true;
            }
            writeValues(c, trialId, values);
            return true;
        });
    }

    /**
     * The waiting writes of running trials (see {@link #queue}), the state change, clearing the heartbeat and the
     * values it replaces, and inserting the new values: one request (the commit is the second round trip). The
     * waiting writes go first, so that a trial's last parameters are in before it is finished. Values go in only
     * for a trial that exists; when the state change found no unfinished trial the caller throws, and the
     * transaction with it rolls back (the waiting writes stay waiting). The caller holds {@link #pendingLock}.
     *
     * @return how many trials changed state (0 or 1)
     */
    private long finishInOneRequest(Connection c, long trialId, TrialState state, Long now, List<Double> values,
            boolean withWaiting) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        int waiting = withWaiting ? pending.size() : 0;
        if (waiting > 0) {
            sql.append(pending.sql()).append("; ");
            args.addAll(pending.args());
        }
        sql.append("UPDATE hpo_trials SET trial_state = ?, complete_ns = ?"
                + " WHERE trial_id = ? AND trial_state IN ('RUNNING', 'WAITING');"
                + " DELETE FROM hpo_trial_values WHERE trial_id = ?");
        args.add(state.name());
        args.add(state.isFinished() ? now : null);
        args.add(trialId);
        args.add(trialId);
        if (state.isFinished()) {
            sql.append("; DELETE FROM hpo_heartbeats WHERE trial_id = ?");
            args.add(trialId);
        }
        for (int i = 0; values != null && i < values.size(); i++) {
            sql.append("; INSERT INTO hpo_trial_values (trial_id, objective, num_value, value_kind)"
                    + " SELECT trial_id, ?, CAST(? AS DOUBLE PRECISION), ? FROM hpo_trials WHERE trial_id = ?");
            double v = values.get(i);
            args.add(i);
            args.add(StoredDouble.number(v));
            args.add(StoredDouble.kind(v));
            args.add(trialId);
        }
        return Sql.results(c, sql.toString(), args.toArray()).get(waiting);
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        String operation = "report step " + step + " of trial " + trialId;
        Double number = StoredDouble.number(value);
        String kind = StoredDouble.kind(value);
        String upsert = "INSERT INTO hpo_trial_intermediate (trial_id,"
                + " step_no, num_value, value_kind) SELECT t.trial_id, ?, CAST(? AS DOUBLE PRECISION), ?"
                + " FROM hpo_trials t WHERE t.trial_id = ? AND t.trial_state IN ('RUNNING', 'WAITING')"
                + " ON CONFLICT (trial_id, step_no) DO UPDATE SET num_value = EXCLUDED.num_value,"
                + " value_kind = EXCLUDED.value_kind";
        if (queueIfOwn(trialId, upsert, step, number, kind, trialId)) {
            return;
        }
        flush();
        if (db.dialect().upsertsOnConflict() && relaxedRequest(operation, upsert, step, number, kind, trialId) == 1) {
            return;
        }
        db.transaction(operation, Retry.ALWAYS, c -> {
            requireUpdatable(c, trialId);
            Sql.upsert(c, "UPDATE hpo_trial_intermediate SET num_value = ?, value_kind = ? WHERE trial_id = ?"
                    + " AND step_no = ?", new Object[] {number, kind, trialId, step},
                    "INSERT INTO hpo_trial_intermediate (trial_id, step_no, num_value, value_kind) VALUES (?, ?, ?, ?)",
                    new Object[] {trialId, step, number, kind});
            return null;
        });
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        setTrialAttr(trialId, "U", key, value);
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        setTrialAttr(trialId, "S", key, value);
    }

    private void setTrialAttr(long trialId, String kind, String key, Object value) {
        String json = JsonValues.write(value);
        String operation = "set attribute '" + key + "' of trial " + trialId;
        String upsert = "INSERT INTO " + TRIAL_ATTRS + " (trial_id,"
                + " attr_kind, attr_key, value_json) SELECT t.trial_id, ?, ?, ? FROM hpo_trials t WHERE t.trial_id = ?"
                + " ON CONFLICT (trial_id, attr_kind, attr_key) DO UPDATE SET value_json = EXCLUDED.value_json";
        if (queueIfOwn(trialId, upsert, kind, key, json, trialId)) {
            return;
        }
        flush();
        if (db.dialect().upsertsOnConflict() && relaxedRequest(operation, upsert, kind, key, json, trialId) == 1) {
            return;
        }
        db.transaction(operation, Retry.ALWAYS, c -> {
            trialState(c, trialId);
            upsertAttr(c, TRIAL_ATTRS, "trial_id", trialId, kind, key, json);
            return null;
        });
    }

    private static void upsertAttr(Connection c, String table, String owner, long ownerId, String kind, String key,
            String json) throws SQLException {
        Sql.upsert(c, "UPDATE " + table + " SET value_json = ? WHERE " + owner + " = ? AND attr_kind = ?"
                + " AND attr_key = ?", new Object[] {json, ownerId, kind, key},
                "INSERT INTO " + table + " (" + owner + ", attr_kind, attr_key, value_json) VALUES (?, ?, ?, ?)",
                new Object[] {ownerId, kind, key, json});
    }

    /**
     * Where the dialect {@linkplain dev.hpo.storage.jdbc.SqlDialect#pipelinesReads() pipelines} (PostgreSQL), runs one idempotent
     * write of a running trial as a single request that is its own transaction with a
     * {@linkplain dev.hpo.storage.jdbc.SqlDialect#relaxedCommit() relaxed commit}, and returns the rows it touched; elsewhere
     * returns -1 without doing anything. A caller that gets anything but its expected count does the write the
     * general way, which also finds and reports what is wrong (an unknown or finished trial).
     */
    private int relaxedRequest(String operation, String sql, Object... args) {
        if (!db.dialect().pipelinesReads()) {
            return -1;
        }
        List<Long> results = db.idempotentRequest(operation, c -> Sql.results(c, "BEGIN; "
                + db.dialect().relaxedCommit() + "; " + sql + "; COMMIT", args));
        return Math.toIntExact(results.get(2));
    }

    @Override
    public FrozenTrial trial(long trialId) {
        flush();
        FrozenTrial found = db.read("read trial " + trialId, c -> {
            if (db.dialect().pipelinesReads()) {
                return TrialReader.readOne(c, trialId);
            }
            List<FrozenTrial> all = new TrialReader(c, db.dialect(), null, "t.trial_id = ?", trialId).read();
            return all.isEmpty() ? null : all.get(0);
        });
        if (found == null) {
            throw new StorageException("no trial with id " + trialId + " in " + this);
        }
        return found;
    }

    @Override
    public List<FrozenTrial> trials(long studyId) {
        flush();
        return readTrials("read the trials of study " + studyId, studyId, "t.study_id = ?", studyId);
    }

    /** Reads only the trials in the given states, so that {@code ask} looking for WAITING trials stays cheap. */
    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        flush();
        if (states.isEmpty()) {
            study(studyId);
            return List.of();
        }
        StringBuilder where = new StringBuilder("t.study_id = ? AND t.trial_state IN (");
        Object[] args = new Object[states.size() + 1];
        args[0] = studyId;
        int i = 1;
        for (TrialState s : states) {
            where.append(i > 1 ? ", ?" : "?");
            args[i++] = s.name();
        }
        where.append(')');
        String operation = "read the " + states + " trials of study " + studyId;
        if (db.dialect().pipelinesReads() && states.stream().noneMatch(TrialState::isFinished)
                && db.read(operation, c -> countTrials(c, studyId, where.toString(), args)) == 0) {
            return List.of();
        }
        return readTrials(operation, studyId, where.toString(), args);
    }

    /**
     * How many trials match, in one statement that also checks the study: {@code ask} looks for WAITING trials
     * before every trial, and there are almost never any, so a count spares the server the five queries of a read.
     */
    private long countTrials(Connection c, long studyId, String where, Object[] args) throws SQLException {
        Object[] all = new Object[args.length + 1];
        all[0] = studyId;
        System.arraycopy(args, 0, all, 1, args.length);
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM hpo_studies WHERE study_id = ?),"
                + " (SELECT COUNT(*) FROM hpo_trials t WHERE " + where + ")")) {
            Sql.bind(ps, all);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    throw noStudy(studyId);
                }
                return rs.getLong(2);
            }
        }
    }

    private List<FrozenTrial> readTrials(String operation, long studyId, String where, Object... args) {
        return db.read(operation, c -> {
            TrialReader reader = new TrialReader(c, db.dialect(), studyId, where, args);
            List<FrozenTrial> out = reader.read();
            if (!reader.studyFound()) {
                throw noStudy(studyId);
            }
            return out;
        });
    }

    @Override
    public void recordHeartbeat(long trialId) {
        flush();
        String now = db.dialect().nowMillis();
        db.transaction("record a heartbeat of trial " + trialId, Retry.ALWAYS, c -> {
            if (Sql.update(c, "UPDATE hpo_heartbeats SET beat_ms = " + now + " WHERE trial_id = ?", trialId) == 0) {
                trialState(c, trialId);
                Sql.update(c, "INSERT INTO hpo_heartbeats (trial_id, beat_ms) VALUES (?, " + now + ")", trialId);
            }
            return null;
        });
    }

    @Override
    public List<Long> staleTrials(long studyId, Duration grace) {
        flush();
        String now = db.dialect().nowMillis();
        return db.transaction("find stale trials of study " + studyId, Retry.ALWAYS, c -> {
            requireStudy(c, studyId);
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id FROM hpo_trials t JOIN hpo_heartbeats h"
                    + " ON h.trial_id = t.trial_id WHERE t.study_id = ? AND t.trial_state = 'RUNNING'"
                    + " AND h.beat_ms < " + now + " - ? ORDER BY t.trial_number")) {
                Sql.bind(ps, studyId, grace.toMillis());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        try {
            if (flusher != null) {
                flusher.shutdownNow();
                flush();
            }
        } finally {
            db.close();
        }
    }

    // ---- writes of running trials that wait (PostgreSQL) ----------------------------------------------------

    /** Records that this storage created a RUNNING trial without parameters, whose writes may then wait. */
    private void own(long trialId) {
        if (flusher != null) {
            pendingLock.lock();
            try {
                pending.created(trialId);
            } finally {
                pendingLock.unlock();
            }
        }
    }

    /** Queues a write of a trial this storage created and has not finished; false (nothing done) for any other. */
    private boolean queueIfOwn(long trialId, String sql, Object... args) {
        if (flusher == null) {
            return false;
        }
        pendingLock.lock();
        try {
            if (!pending.owns(trialId)) {
                return false;
            }
            queue(sql, args);
            return true;
        } finally {
            pendingLock.unlock();
        }
    }

    /** Adds a waiting write and makes sure the timer will send it; the caller holds {@link #pendingLock}. */
    private void queue(String sql, Object... args) {
        pending.add(sql, args);
        if (!flushArmed) {
            flushArmed = true;
            flusher.schedule(this::timedFlush, FLUSH_DELAY.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Sends the waiting writes of running trials as one request of their own, in a transaction with the relaxed
     * commit. Every operation but those that queue calls it first, so that this storage reads its own writes and
     * its writes reach the database in the order they were made.
     */
    private void flush() {
        if (flusher == null) {
            return;
        }
        pendingLock.lock();
        try {
            if (pending.isEmpty()) {
                return;
            }
            Object[] args = pending.args().toArray();
            db.idempotentRequest("send the parameters, intermediate values and attributes of running trials",
                    c -> Sql.results(c, "BEGIN; " + db.dialect().relaxedCommit() + "; " + pending.sql() + "; COMMIT",
                            args));
            pending.sent();
        } finally {
            pendingLock.unlock();
        }
    }

    /**
     * The timer: sends writes that waited {@link #FLUSH_DELAY}, or waits again for younger ones. A failure leaves
     * them waiting; the next operation of the storage sends them again and reports the failure to its caller.
     */
    private void timedFlush() {
        pendingLock.lock();
        try {
            flushArmed = false;
            if (pending.isEmpty()) {
                return;
            }
            long due = pending.oldestNanos() + FLUSH_DELAY.toNanos() - System.nanoTime();
            if (due > 0) {
                flushArmed = true;
                flusher.schedule(this::timedFlush, due, TimeUnit.NANOSECONDS);
                return;
            }
            flush();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not send the waiting writes of running trials to {0}; the"
                    + " next operation sends them again: {1}", db.redactedUrl(), e.getMessage());
        } finally {
            pendingLock.unlock();
        }
    }

    /** The URL with its password masked. */
    @Override
    public String toString() {
        return db.redactedUrl();
    }

    private void snapshot(Connection c) throws SQLException {
        String statement = db.dialect().snapshotRead();
        if (statement != null) {
            Sql.execute(c, statement);
        }
    }

    private void requireStudy(Connection c, long studyId) throws SQLException {
        if (Sql.queryLong(c, "SELECT study_id FROM hpo_studies WHERE study_id = ?", studyId) == null) {
            throw noStudy(studyId);
        }
    }

    private StorageException noStudy(long studyId) {
        return new StorageException("no study with id " + studyId + " in " + this);
    }

    private TrialState trialState(Connection c, long trialId) throws SQLException {
        String state = Sql.queryString(c, "SELECT trial_state FROM hpo_trials WHERE trial_id = ?", trialId);
        if (state == null) {
            throw new StorageException("no trial with id " + trialId + " in " + this);
        }
        return TrialState.valueOf(state.trim());
    }

    /** Throws, as {@code TrialRecord} does, when the trial is finished and so cannot change. */
    private void requireUpdatable(Connection c, long trialId) throws SQLException {
        TrialState state = trialState(c, trialId);
        if (state.isFinished()) {
            throw new IllegalStateException("trial " + trialId + " is already finished (" + state
                    + ") and cannot change");
        }
    }
}
