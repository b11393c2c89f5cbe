package dev.hpo.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * A double in two columns, a number and a kind, because not every database stores NaN and ±Infinity in a
 * floating-point column (PostgreSQL does, MySQL and SQLite do not): finite values go into the number column,
 * the others are NULL there and named by the kind.
 */
public final class StoredDouble {

    /** Kind of a finite value. */
    public static final String FINITE = "F";
    public static final String NAN = "N";
    public static final String POSITIVE_INFINITY = "P";
    public static final String NEGATIVE_INFINITY = "M";

    private StoredDouble() {
    }

    /** The kind column's value for {@code v}. */
    public static String kind(double v) {
        if (Double.isNaN(v)) {
            return NAN;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return FINITE;
    }

    /** Binds {@code v} to a number parameter and a kind parameter. */
    public static void bind(PreparedStatement ps, int numberIndex, int kindIndex, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(numberIndex, v);
        } else {
            ps.setNull(numberIndex, Types.DOUBLE);
        }
        ps.setString(kindIndex, kind(v));
    }

    /** The number column's value for {@code v}: the value itself, or {@code null} when it is not finite. */
    public static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Reads the value back from its two columns. */
    public static double read(ResultSet rs, int numberColumn, int kindColumn) throws SQLException {
        String kind = rs.getString(kindColumn);
        switch (kind == null ? "" : kind.trim()) {
            case FINITE:
                return rs.getDouble(numberColumn);
            case NAN:
                return Double.NaN;
            case POSITIVE_INFINITY:
                return Double.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY:
                return Double.NEGATIVE_INFINITY;
            default:
                throw new SQLException("unknown value kind '" + kind + "' in column " + kindColumn);
        }
    }
}
