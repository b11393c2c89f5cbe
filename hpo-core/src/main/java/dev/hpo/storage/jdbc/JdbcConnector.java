package dev.hpo.storage.jdbc;

import dev.hpo.storage.StorageException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one connection of a {@link dev.hpo.storage.JdbcStorage}, and the place where a transaction is run, committed
 * and, when the connection was lost or the database rolled it back for a conflict, run again on a fresh connection.
 *
 * <p>One connection guarded by a lock serves all threads of the storage: every storage operation is a short
 * transaction, so threads take turns, and trial numbers stay safe because the database, not this lock, serializes
 * their allocation across processes.
 *
 * <p>What is retried: a transaction that failed before its commit, always (the database rolled it back, nothing is
 * half-written); a transaction whose commit itself lost the connection only when the caller declares it
 * {@link Retry#ALWAYS} (idempotent), because its outcome is unknown. Anything else becomes a
 * {@link StorageException} naming the URL (password masked) and the operation.
 */
public final class JdbcConnector implements AutoCloseable {

    /** Whether a transaction may run again when the connection was lost during its commit. */
    public enum Retry {
        /** Running it twice leaves the same state as once (reads, upserts). */
        ALWAYS,
        /** Running it twice would do it twice (a new trial, claiming a trial): retried only before the commit. */
        BEFORE_COMMIT
    }

    private final String url;
    private final String redactedUrl;
    private final Properties properties;
    private final SqlDialect dialect;
    private final RetryPolicy retryPolicy;
    private final ReentrantLock lock = new ReentrantLock();
    private Driver driver;
    private Connection connection;
    private boolean closed;

    public JdbcConnector(String url, Properties properties, RetryPolicy retryPolicy) {
        this.url = url;
        this.redactedUrl = JdbcUrls.redact(url);
        this.properties = (Properties) properties.clone();
        this.dialect = SqlDialect.of(url);
        this.retryPolicy = retryPolicy;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** The URL with its password masked, as messages show it. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /**
     * Runs {@code work} in a transaction and commits it, retrying as the class comment says.
     *
     * @param operation what the work does, for the error message ("create a trial in study 3")
     */
    public <T> T transaction(String operation, Retry retry, SqlWork<T> work) {
        return run(operation, retry, false, work);
    }

    /**
     * Runs a read. Where the dialect {@linkplain SqlDialect#pipelinesReads() pipelines reads}, the work gets the
     * connection in auto-commit mode and brings its own transaction (saving the round trip of a separate commit);
     * elsewhere this is a {@link #transaction}.
     */
    public <T> T read(String operation, SqlWork<T> work) {
        return run(operation, Retry.ALWAYS, dialect.pipelinesReads(), work);
    }

    /**
     * Runs {@code work} that sends its own transaction in a single request ({@code BEGIN; ...; COMMIT}), on the
     * connection in auto-commit mode: one round trip instead of two, for writes that may run twice because running
     * them twice leaves what running them once does. Only where the dialect
     * {@linkplain SqlDialect#pipelinesReads() pipelines}; elsewhere this is a {@link #transaction}.
     */
    public <T> T idempotentRequest(String operation, SqlWork<T> work) {
        return run(operation, Retry.ALWAYS, dialect.pipelinesReads(), work);
    }

    private <T> T run(String operation, Retry retry, boolean autoCommit, SqlWork<T> work) {
        lock.lock();
        try {
            for (int attempt = 1;; attempt++) {
                boolean committing = false;
                try {
                    Connection c = connection();
                    if (autoCommit) {
                        c.setAutoCommit(true);
                        try {
                            return work.run(c);
                        } finally {
                            c.setAutoCommit(false);
                        }
                    }
                    T result = work.run(c);
                    committing = true;
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    boolean lost = recover(e);
                    boolean unknownOutcome = committing && lost;
                    boolean retriable = (lost || SqlErrors.isConflict(e))
                            && (retry == Retry.ALWAYS || !unknownOutcome);
                    if (!retriable || attempt >= retryPolicy.attempts()) {
                        throw failure(operation, e, attempt, unknownOutcome && retry == Retry.BEFORE_COMMIT);
                    }
                    pause(operation, attempt);
                } catch (RuntimeException | Error e) {
                    rollbackAfter(e);
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                try {
                    connection.rollback();
                    connection.close();
                } catch (SQLException e) {
                    throw new StorageException("could not close the connection to " + redactedUrl + ": "
                            + e.getMessage(), e);
                } finally {
                    connection = null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() throws SQLException {
        if (closed) {
            throw new StorageException("the JDBC storage " + redactedUrl + " is closed");
        }
        if (connection == null) {
            Connection c = driver().connect(url, properties);
            if (c == null) {
                throw new StorageException("the JDBC driver " + driver.getClass().getName() + " does not accept "
                        + redactedUrl);
            }
            try {
                c.setAutoCommit(false);
                for (String statement : dialect.sessionSetup()) {
                    Sql.execute(c, statement);
                }
            } catch (SQLException e) {
                closeAfter(c, e);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    private Driver driver() {
        if (driver != null) {
            return driver;
        }
        try {
            driver = DriverManager.getDriver(url);
            return driver;
        } catch (SQLException notRegistered) {
            // DriverManager sees only drivers of the class loader that first used it; a Maven plugin or a test
            // engine may have the driver in a child loader, so look there too.
            Set<ClassLoader> loaders = new LinkedHashSet<>();
            loaders.add(Thread.currentThread().getContextClassLoader());
            loaders.add(JdbcConnector.class.getClassLoader());
            for (ClassLoader loader : loaders) {
                for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                    try {
                        if (d.acceptsURL(url)) {
                            driver = d;
                            return d;
                        }
                    } catch (SQLException e) {
                        notRegistered.addSuppressed(e);
                    }
                }
            }
            throw new StorageException("no JDBC driver for " + redactedUrl + " on the classpath; add "
                    + dialect.driverArtifact() + " to the dependencies (of the project, or of the plugin that runs"
                    + " the study)", notRegistered);
        }
    }

    /** Rolls back after a failed attempt; returns true (and drops the connection) when it is gone. */
    private boolean recover(SQLException e) {
        if (connection == null) {
            return SqlErrors.isConnectionLoss(e);
        }
        boolean lost = SqlErrors.isConnectionLoss(e);
        if (!lost) {
            try {
                connection.rollback();
                lost = !connection.isValid(2);
            } catch (SQLException r) {
                e.addSuppressed(r);
                lost = true;
            }
        }
        if (lost) {
            closeAfter(connection, e);
            connection = null;
        }
        return lost;
    }

    private void rollbackAfter(Throwable e) {
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
                closeAfter(connection, e);
                connection = null;
            }
        }
    }

    private static void closeAfter(Connection c, Throwable cause) {
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void pause(String operation, int attempt) {
        try {
            Thread.sleep(retryPolicy.backoff(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry '" + operation + "' on " + redactedUrl, e);
        }
    }

    private StorageException failure(String operation, SQLException e, int attempts, boolean unknownOutcome) {
        String what = "JDBC storage " + redactedUrl + " could not " + operation;
        if (unknownOutcome) {
            return new StorageException(what + ": the connection was lost while committing, so whether it happened"
                    + " is unknown; it is not retried because doing it twice would differ from doing it once: "
                    + e.getMessage(), e);
        }
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        String reason = SqlErrors.isConnectionLoss(e) ? " (the database is unreachable or closed the connection)" : "";
        return new StorageException(what + tries + reason + ": " + e.getMessage(), e);
    }
}
