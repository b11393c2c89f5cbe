package dev.hpo.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The JVM that holds the PostgreSQL server of the {@code it/} samples, started by {@link StartPostgres} from the
 * Maven build. It starts a real server from the zonky binaries on Maven Central (as root, zonky runs it through
 * {@code unshare}), creates the samples' database, prints {@value #READY} and the JDBC URL on its standard output,
 * and then lives exactly as long as the Maven JVM that started it: when that JVM exits, however it exits, this one
 * stops the server and exits too. {@link StopPostgres} ends it earlier, with SIGTERM, whose shutdown hook (zonky's)
 * stops the server the same way.
 *
 * <p>Arguments: the pid of the Maven JVM, the file that receives PostgreSQL's own output.
 */
public final class PostgresServerMain {

    /** The first word of the line that tells the launcher the server accepts connections. */
    static final String READY = "hpo-it-postgres-ready";

    /** The database the samples use (a fresh server per build, so it starts empty). */
    static final String DATABASE = "hpo_it";

    private PostgresServerMain() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PostgresServerMain <pid of the Maven JVM> <postgres log file>,"
                    + " got " + args.length + " arguments");
        }
        long mavenPid = Long.parseLong(args[0]);
        File postgresLog = new File(args[1]);
        // Standard output is the launcher's pipe: it gets the ready line and nothing else.
        PrintStream toLauncher = System.out;
        System.setOut(System.err);
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        if (parent.isEmpty() || parent.get().pid() != mavenPid) {
            System.err.println("the Maven JVM " + mavenPid + " that started this server is gone; not starting");
            System.exit(2);
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOutputRedirector(Redirect.appendTo(postgresLog))
                .setErrorRedirector(Redirect.appendTo(postgresLog))
                .start()) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            toLauncher.println(READY + " " + server.getJdbcUrl("postgres", DATABASE));
            toLauncher.flush();
            parent.get().onExit().join();
            System.err.println("the Maven JVM " + mavenPid + " exited; stopping the PostgreSQL server");
        }
    }
}
