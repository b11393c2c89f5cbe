package dev.hpo.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** The handful of statement shapes the JDBC storage runs, with positional arguments bound by their Java type. */
public final class Sql {

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it touched. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    /** Runs an INSERT into a table whose first column is a generated key, and returns that key. */
    public static long insertReturningKey(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** The first column of the first row as a long, or {@code null} when there is no row. */
    public static Long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** The first column of the first row as a string, or {@code null} when there is no row. */
    public static String queryString(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Runs several statements, separated by semicolons, as one request (PostgreSQL's driver sends all the
     * statements of one prepared string in a single round trip; only use it where the dialect
     * {@linkplain SqlDialect#pipelinesReads() pipelines}) and returns what each statement gave, in order: its update
     * count, or for a query the first column of its first row as a long ({@code null} when it returned no row).
     */
    public static List<Long> results(Connection c, String sql, Object... args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            boolean isResultSet = ps.execute();
            while (true) {
                if (isResultSet) {
                    try (ResultSet rs = ps.getResultSet()) {
                        out.add(rs.next() ? rs.getLong(1) : null);
                    }
                } else {
                    int count = ps.getUpdateCount();
                    if (count == -1) {
                        return out;
                    }
                    out.add((long) count);
                }
                isResultSet = ps.getMoreResults();
            }
        }
    }

    /** Runs a statement without arguments or results (DDL, session settings). */
    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Updates a row and inserts it when the update found none: an upsert every database understands. */
    public static void upsert(Connection c, String updateSql, Object[] updateArgs, String insertSql,
            Object[] insertArgs) throws SQLException {
        if (update(c, updateSql, updateArgs) == 0) {
            update(c, insertSql, insertArgs);
        }
    }

    /** Binds arguments by position: Long, Integer, Double, String, or {@code null} for an SQL NULL. */
    public static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                throw new IllegalArgumentException("cannot bind " + a.getClass().getName() + " to SQL: " + a);
            }
        }
    }
}
