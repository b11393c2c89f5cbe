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
import java.util.HashMap;
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
    private final Map<String, Distribution> distributions = new HashMap<>();
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
            out.add(new FrozenTrial(r.number, r.id, r.state, r.values, r.params, r.distributions, r.intermediate,
                    r.userAttrs, r.systemAttrs, r.start, r.complete));
        }
        return out;
    }

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
                    Distribution d = distributions.computeIfAbsent(rs.getString(4), DistributionJson::fromJson);
                    String name = rs.getString(2);
                    r.params.put(name, d.toExternal(rs.getDouble(3)));
                    r.distributions.put(name, d);
                }));
        out.add(new Query("SELECT v.trial_id, v.objective, v.num_value, v.value_kind FROM hpo_trial_values v"
                + " JOIN hpo_trials t ON t.trial_id = v.trial_id WHERE " + where
                + " ORDER BY v.trial_id, v.objective", args, rs -> {
                    Row r = rows.get(rs.getLong(1));
                    if (r.values == null) {
                        r.values = new ArrayList<>();
                    }
                    int objective = rs.getInt(2);
                    while (r.values.size() <= objective) {
                        r.values.add(Double.NaN);
                    }
                    r.values.set(objective, StoredDouble.read(rs, 3, 4));
                }));
        out.add(new Query("SELECT i.trial_id, i.step_no, i.num_value, i.value_kind FROM hpo_trial_intermediate i"
                + " JOIN hpo_trials t ON t.trial_id = i.trial_id WHERE " + where, args,
                rs -> rows.get(rs.getLong(1)).intermediate.put(rs.getInt(2), StoredDouble.read(rs, 3, 4))));
        out.add(new Query("SELECT a.trial_id, a.attr_kind, a.attr_key, a.value_json FROM hpo_trial_attrs a"
                + " JOIN hpo_trials t ON t.trial_id = a.trial_id WHERE " + where + " ORDER BY a.attr_id", args, rs -> {
                    Row r = rows.get(rs.getLong(1));
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
    }
}
