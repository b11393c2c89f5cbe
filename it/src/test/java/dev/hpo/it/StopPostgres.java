package dev.hpo.it;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops the PostgreSQL server of the {@code it/} samples once maven-invoker-plugin is done (exec:java in
 * {@code post-integration-test}): SIGTERM to the server JVM that {@link StartPostgres} started, whose shutdown hook
 * stops PostgreSQL; then checks that nothing listens on the port any more. Only a child of this Maven JVM with the
 * recorded pid is signalled, never another process. When the invoker fails, this phase does not run and the
 * server JVM stops on its own when Maven exits.
 */
public final class StopPostgres {

    private static final long STOP_TIMEOUT_SECONDS = 60;

    private StopPostgres() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StopPostgres <output directory>, got " + args.length
                    + " arguments");
        }
        Path file = Path.of(args[0]).resolve(StartPostgres.SERVER_PROPERTIES);
        Properties server = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            server.load(r);
        }
        long pid = Long.parseLong(server.getProperty("pid"));
        int port = Integer.parseInt(server.getProperty("port"));
        Optional<ProcessHandle> child = ProcessHandle.current().children().filter(p -> p.pid() == pid).findFirst();
        if (child.isPresent()) {
            child.get().destroy();
            try {
                child.get().onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IllegalStateException("the PostgreSQL server JVM (pid " + pid + ") did not stop within "
                        + STOP_TIMEOUT_SECONDS + " s of SIGTERM; see " + file.resolveSibling(StartPostgres.SERVER_LOG),
                        e);
            }
        }
        if (accepts(port)) {
            throw new IllegalStateException("the server JVM (pid " + pid + ") has exited but port " + port
                    + " still accepts connections: PostgreSQL was not stopped; see "
                    + file.resolveSibling(StartPostgres.POSTGRES_LOG));
        }
        System.out.println("[it] PostgreSQL for the it/ samples stopped (server JVM pid " + pid + ", port " + port
                + (child.isPresent() ? ")" : "; its JVM had already exited)"));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 2_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
