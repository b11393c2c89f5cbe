package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.storage.jdbc.RetryPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lost connections and a lost server, on a real PostgreSQL server. */
class PostgresFailureTest {

    /** Ends the server sessions of one test's storage, as an administrator or a failover would. */
    private static int terminateSessions(String url) throws SQLException {
        String application = url.substring(url.indexOf("ApplicationName=") + "ApplicationName=".length());
        try (Connection admin = DriverManager.getConnection(PostgresServer.adminUrl(PostgresServer.shared()));
                PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, application);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return n;
        }
    }

    @Test
    void connectionKilledMidStudyIsRetriedTransparently() {
        String url = PostgresServer.freshDatabase();
        AtomicInteger killed = new AtomicInteger();
        try (JdbcStorage s = new JdbcStorage(url)) {
            Study study = Study.builder().storage(s).name("killed-connection").sampler(new RandomSampler(3)).build();
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.builder().trials(60).callback((st, t) -> {
                if (t.number() % 10 == 5) {
                    try {
                        killed.addAndGet(terminateSessions(url));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).build());
            assertEquals(6, killed.get(), "sessions terminated");
            List<FrozenTrial> trials = study.trials();
            assertEquals(IntStream.range(0, 60).boxed().toList(), trials.stream().map(FrozenTrial::number).toList());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE && t.params().containsKey("x")));
        }
    }

    @Test
    void serverThatIsGoneGivesAStorageExceptionNamingUrlAndOperation() throws Exception {
        EmbeddedPostgres server = PostgresServer.start();
        String url = PostgresServer.adminUrl(server) + "&password=secret";
        try (JdbcStorage s = new JdbcStorage(url, new Properties(), new RetryPolicy(3, Duration.ofMillis(20)),
                Clock.systemUTC())) {
            long study = s.createStudy("gone", List.of(Direction.MINIMIZE));
            server.close();
            StorageException e = assertThrows(StorageException.class, () -> s.createTrial(study, null));
            String message = e.getMessage();
            assertTrue(message.contains("create a trial in study " + study), message);
            assertTrue(message.contains("localhost:" + server.getPort()), message);
            assertTrue(message.contains("password=***") && !message.contains("secret"), message);
            assertTrue(message.contains("after 3 attempts"), message);
        } finally {
            server.close();
        }
    }

    @Test
    void missingDriverNamesTheUrlAndTheArtifactToAdd() {
        StorageException e = assertThrows(StorageException.class,
                () -> Storages.open("jdbc:mysql://localhost:3306/hpo?user=me&password=secret"));
        assertTrue(e.getMessage().contains("com.mysql:mysql-connector-j"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:mysql://localhost:3306/hpo?user=me&password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void unsupportedDatabaseNamesTheSupportedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Storages.open("jdbc:oracle:thin:@localhost:1521:xe"));
        assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    }

    @Test
    void unknownSchemeStillNamesTheKnownSchemes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Storages.open("redis://x"));
        assertTrue(e.getMessage().contains("memory:") && e.getMessage().contains("jdbc:"), e.getMessage());
    }
}
