package dev.hpo.storage.jdbc;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

/**
 * Which SQL failures are worth another attempt. A lost connection (SQLState class 08, or PostgreSQL's 57P0x when
 * a server or an administrator ends the session) and a transaction the database rolled back to resolve a conflict
 * (serialization failure, deadlock, a unique key two writers raced for) leave nothing half-written, so the same
 * transaction can run again; anything else is a real error and is reported at once.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /** True when the failure means the connection is gone or could not be made. */
    public static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLRecoverableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the database rolled the transaction back because of a concurrent one. */
    public static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.equals("40001") || state.equals("40P01") || state.equals("23505")) {
                    return true;
                }
                if (t instanceof SQLIntegrityConstraintViolationException && s.getErrorCode() == 1062) {
                    return true; // MySQL/MariaDB duplicate key
                }
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
