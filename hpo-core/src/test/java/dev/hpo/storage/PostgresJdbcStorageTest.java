package dev.hpo.storage;

/** The storage contract on a real PostgreSQL server (see {@link PostgresServer}). */
class PostgresJdbcStorageTest extends JdbcStorageContract {

    @Override
    String freshUrl() {
        return PostgresServer.freshDatabase();
    }
}
