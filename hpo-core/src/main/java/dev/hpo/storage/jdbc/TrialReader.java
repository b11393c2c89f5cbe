package dev.hpo.storage.jdbc;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.space.DistributionJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads trials in batches: one query per table (trials, parameters, values, intermediate values, attributes) for
 * all the trials a filter selects, joined in memory. Loading a study of 10,000 trials is five queries, not 50,000.
 *
 * <p>The five queries must see one state of the database. Where the dialect allows it (PostgreSQL) they are sent
 * as one multi-statement request inside a REPEATABLE READ transaction that the request itself opens and commits,
 * so a read costs a single round trip; elsewhere they run one after the other in the caller's transaction.
 */
public final class TrialReader {

    private final Connection connection;
    private final SqlDialect dialect;
    private final String where;
    private final Object[] args;
    private final Long studyGuard;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private boolean studyFound;

    /**
     * @param studyGuard a study id whose existence the read checks too, or {@code null}
     * @param where a condition on the trials table, aliased {@code t} ({@code t.study_id = ?})
     * @param args the condition's arguments
     */
    public TrialReader(Connection connection, SqlDialect dialect, Long studyGuard, String where, Object... args) {
        this.connection = connection;
        this.dialect = dialect;
        this.studyGuard = studyGuard;
        this.where = where;
        this.args = args;
    }

    /** True after {@link #read()} when the guarded study exists (always true without a guard). */
    public boolean studyFound() {
        return studyFound || studyGuard == null;
    }

    /**
     * The selected trials, in (study, number) order. Where reads are pipelined the connection must be in
     * auto-commit mode: the request carries its own transaction.
     */
    public List<FrozenTrial> read() throws SQLException {
        List<Query> queries = queries();
        if (dialect.pipelinesReads()) {
            runPipelined(queries);
        } else {
            for (Query q : queries) {
                try (PreparedStatement ps = connection.prepareStatement(q.sql)) {
                    Sql.bind(ps, q.args);
                    try (ResultSet rs = ps.executeQuery()) {
                        consume(rs, q.handler);
                    }
                }
            }
        }
        List<FrozenTrial> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(r.freeze());
        }
        return out;
    }

    /**
     * One trial read with a single statement, for dialects that {@linkplain SqlDialect#pipelinesReads() pipeline}
     * (PostgreSQL): the rows of the five tables come back as one result (a {@code UNION ALL}, tagged by table), so
     * the read is one statement that sees one snapshot, needs no transaction of its own and is planned once per
     * connection. Reading a trial back after each write is on the path of every trial, where the five queries of
     * {@link #read()} and their transaction cost the server several times as much.
     *
     * @return the trial, or {@code null} when there is none with that id
     */
    public static FrozenTrial readOne(Connection c, long trialId) throws SQLException {
        Row r = null;
        try (PreparedStatement ps = c.prepareStatement(ONE_TRIAL)) {
            for (int i = 1; i <= 5; i++) {
                ps.setLong(i, trialId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int table = rs.getInt(1);
                    if (table == 0) {
                        r = new Row(trialId, rs.getInt(2), TrialState.valueOf(rs.getString(6).trim()), instant(rs, 3),
                                instant(rs, 4));
                    } else if (r == null) {
                        throw new SQLException("rows of trial " + trialId + " came before the trial itself");
                    } else if (table == 1) {
                        Distribution d = DistributionJson.fromJson(rs.getString(7));
                        String name = rs.getString(6);
                        r.params.put(name, d.toExternal(rs.getDouble(5)));
                        r.distributions.put(name, d);
                    } else if (table == 2) {
                        r.setValue(rs.getInt(2), StoredDouble.read(rs, 5, 6));
                    } else if (table == 3) {
                        r.intermediate.put(rs.getInt(2), StoredDouble.read(rs, 5, 6));
                    } else {
                        ("U".equals(rs.getString(6).trim()) ? r.userAttrs : r.systemAttrs)
                                .put(rs.getString(7), JsonValues.read(rs.getString(8)));
                    }
                }
            }
        }
        return r == null ? null : r.freeze();
    }

    /** The statement of {@link #readOne}: table tag, key, two longs, a double and three strings per row. */
    private static final String ONE_TRIAL = "SELECT 0, CAST(t.trial_number AS BIGINT), t.start_ns, t.complete_ns,"
            + " CAST(NULL AS DOUBLE PRECISION), CAST(t.trial_state AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT)"
            + " FROM hpo_trials t WHERE t.trial_id = ?"
            + " UNION ALL SELECT 1, p.param_id, NULL, NULL, p.internal_value, p.param_name, p.distribution_json, NULL"
            + " FROM hpo_trial_params p WHERE p.trial_id = ?"
            + " UNION ALL SELECT 2, v.objective, NULL, NULL, v.num_value, v.value_kind, NULL, NULL"
            + " FROM hpo_trial_values v WHERE v.trial_id = ?"
            + " UNION ALL SELECT 3, i.step_no, NULL, NULL, i.num_value, i.value_kind, NULL, NULL"
            + " FROM hpo_trial_intermediate i WHERE i.trial_id = ?"
            + " UNION ALL SELECT 4, a.attr_id, NULL, NULL, NULL, a.attr_kind, a.attr_key, a.value_json"
            + " FROM hpo_trial_attrs a WHERE a.trial_id = ?"
            + " ORDER BY 1, 2";

    private void runPipelined(List<Query> queries) throws SQLException {
        StringBuilder sql = new StringBuilder("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        List<Object> all = new ArrayList<>();
        for (Query q : queries) {
            sql.append("; ").append(q.sql);
            all.addAll(List.of(q.args));
        }
        sql.append("; COMMIT");
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            Sql.bind(ps, all.toArray());
            boolean isResultSet = ps.execute();
            int next = 0;
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = ps.getResultSet()) {
                        consume(rs, queries.get(next++).handler);
                    }
                } else if (ps.getUpdateCount() == -1) {
                    break;
                }
                isResultSet = ps.getMoreResults();
            }
        }
    }

    /**
     * The trials first, then their parameters, values, reports and attributes. Where the dialect reads no snapshot
     * (H2's READ COMMITTED), another process may create or finish a trial between these queries: the rows of a trial
     * the first query did not see are left out, and so are the values of one it saw still running, so each trial is
     * read as the first query found it (a read of a moment earlier, never a crash or a trial half-changed).
     */
    private List<Query> queries() {
        List<Query> out = new ArrayList<>();
        if (studyGuard != null) {
            out.add(new Query("SELECT study_id FROM hpo_studies WHERE study_id = ?", new Object[] {studyGuard},
                    rs -> studyFound = true));
        }
        out.add(new Query("SELECT t.trial_id, t.trial_number, t.trial_state, t.start_ns, t.complete_ns"
                + " FROM hpo_trials t WHERE " + where + " ORDER BY t.study_id, t.trial_number", args, rs -> {
                    Row r = new Row(rs.getLong(1), rs.getInt(2), TrialState.valueOf(rs.getString(3).trim()),
                            instant(rs, 4), instant(rs, 5));
                    rows.put(r.id, r);
                }));
        out.add(new Query("SELECT p.trial_id, p.param_name, p.internal_value, p.distribution_json"
                + " FROM hpo_trial_params p JOIN hpo_trials t ON t.trial_id = p.trial_id WHERE " + where
                + " ORDER BY p.param_id", args, rs -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r == null) {
                        return;
                    }
                    Distribution d = DistributionJson.fromJson(rs.getString(4));
                    String name = rs.getString(2);
                    r.params.put(name, d.toExternal(rs.getDouble(3)));
                    r.distributions.put(name, d);
                }));
        out.add(new Query("SELECT v.trial_id, v.objective, v.num_value, v.value_kind FROM hpo_trial_values v"
                + " JOIN hpo_trials t ON t.trial_id = v.trial_id WHERE " + where
                + " ORDER BY v.trial_id, v.objective", args, rs -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r != null && r.state.isFinished()) {  // values of a trial the first query saw running: later
                        r.setValue(rs.getInt(2), StoredDouble.read(rs, 3, 4));
                    }
                }));
        out.add(new Query("SELECT i.trial_id, i.step_no, i.num_value, i.value_kind FROM hpo_trial_intermediate i"
                + " JOIN hpo_trials t ON t.trial_id = i.trial_id WHERE " + where, args,
                rs -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r != null) {
                        r.intermediate.put(rs.getInt(2), StoredDouble.read(rs, 3, 4));
                    }
                }));
        out.add(new Query("SELECT a.trial_id, a.attr_kind, a.attr_key, a.value_json FROM hpo_trial_attrs a"
                + " JOIN hpo_trials t ON t.trial_id = a.trial_id WHERE " + where + " ORDER BY a.attr_id", args, rs -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r == null) {
                        return;
                    }
                    Map<String, Object> target = "U".equals(rs.getString(2)) ? r.userAttrs : r.systemAttrs;
                    target.put(rs.getString(3), JsonValues.read(rs.getString(4)));
                }));
        return out;
    }

    private static void consume(ResultSet rs, RowHandler handler) throws SQLException {
        while (rs.next()) {
            handler.accept(rs);
        }
    }

    private record Query(String sql, Object[] args, RowHandler handler) {
    }

    /** Nanoseconds since the epoch, the exact form in which the storage keeps an {@link Instant}. */
    public static Long nanos(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long ns = rs.getLong(column);
        if (rs.wasNull()) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }

    @FunctionalInterface
    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    private static final class Row {
        final long id;
        final int number;
        final TrialState state;
        final Instant start;
        final Instant complete;
        List<Double> values;
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();

        Row(long id, int number, TrialState state, Instant start, Instant complete) {
            this.id = id;
            this.number = number;
            this.state = state;
            this.start = start;
            this.complete = complete;
        }

        void setValue(int objective, double value) {
            if (values == null) {
                values = new ArrayList<>();
            }
            while (values.size() <= objective) {
                values.add(Double.NaN);
            }
            values.set(objective, value);
        }

        FrozenTrial freeze() {
            return new FrozenTrial(number, id, state, values, params, distributions, intermediate, userAttrs,
                    systemAttrs, start, complete);
        }
    }
}
