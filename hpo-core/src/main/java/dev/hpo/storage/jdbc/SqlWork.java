package dev.hpo.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on a connection inside one transaction; {@link JdbcConnector} commits it or retries it. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
