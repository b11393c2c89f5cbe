package dev.hpo.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the PostgreSQL server of the {@code it/} samples before maven-invoker-plugin runs them (exec:java in
 * {@code pre-integration-test}). The server lives in a JVM of its own ({@link PostgresServerMain}), a child of the
 * Maven JVM, rather than in the Maven JVM itself: exec:java closes its class loader and thread group when this
 * main returns, which would break a shutdown hook living there, and a child that watches its parent also stops
 * the server when Maven is killed.
 *
 * <p>Writes into the directory given as the argument:
 * <ul>
 *   <li>{@value #BUILD_PROPERTIES}: {@code hpo.storage=<JDBC URL>}, the user properties of the sample builds
 *       ({@code invoker.userPropertiesFile}), as a user would pass {@code -Dhpo.storage=jdbc:postgresql://...};</li>
 *   <li>{@value #SERVER_PROPERTIES}: pid of the server JVM, port and URL, for {@link StopPostgres};</li>
 *   <li>{@value #SERVER_LOG} and {@value #POSTGRES_LOG}: the server JVM's and PostgreSQL's own output.</li>
 * </ul>
 * When the server does not start, the build fails here, with the cause and the end of those logs.
 */
public final class StartPostgres {

    static final String BUILD_PROPERTIES = "build.properties";
    static final String SERVER_PROPERTIES = "server.properties";
    static final String SERVER_LOG = "server.log";
    static final String POSTGRES_LOG = "postgres.log";

    private static final long START_TIMEOUT_SECONDS = 120;

    private StartPostgres() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: StartPostgres <output directory>, got " + args.length
                    + " arguments");
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (String stale : List.of(BUILD_PROPERTIES, SERVER_PROPERTIES, SERVER_LOG, POSTGRES_LOG)) {
            Files.deleteIfExists(dir.resolve(stale));
        }
        Process server = new ProcessBuilder(command(dir))
                .redirectError(dir.resolve(SERVER_LOG).toFile())
                .start();
        String url = awaitReady(server, dir);
        write(dir.resolve(SERVER_PROPERTIES), "the PostgreSQL server of the it/ samples",
                "pid", Long.toString(server.pid()), "port", Integer.toString(port(url)), "url", url);
        write(dir.resolve(BUILD_PROPERTIES), "user properties of the sample builds", "hpo.storage", url);
        System.out.println("[it] PostgreSQL for the it/ samples: " + url + " (server JVM pid " + server.pid()
                + "; stopped in post-integration-test, or when this Maven JVM exits)");
    }

    private static List<String> command(Path dir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classpath());
        command.add(PostgresServerMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(dir.resolve(POSTGRES_LOG).toAbsolutePath().toString());
        return command;
    }

    /** The test class path exec:java gave this class, which holds zonky, its binaries and the driver. */
    private static String classpath() {
        if (!(StartPostgres.class.getClassLoader() instanceof URLClassLoader loader)) {
            throw new IllegalStateException("StartPostgres must run from exec:java, whose class loader lists the"
                    + " test class path; got " + StartPostgres.class.getClassLoader());
        }
        List<String> entries = new ArrayList<>();
        for (URL url : loader.getURLs()) {
            try {
                entries.add(Path.of(url.toURI()).toString());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("class path entry " + url + " is not a file", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The URL the server JVM printed; fails with the logs when it exits or takes too long. */
    private static String awaitReady(Process server, Path dir) throws InterruptedException {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                line.complete(out.readLine());
            } catch (IOException e) {
                line.completeExceptionally(e);
            }
        }, "postgres-ready-reader");
        reader.setDaemon(true);
        reader.start();
        String ready;
        try {
            ready = line.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            server.destroy();
            throw failure("it did not report ready within " + START_TIMEOUT_SECONDS + " s", dir);
        } catch (ExecutionException e) {
            server.destroy();
            throw failure("its output could not be read (" + e.getCause() + ")", dir);
        }
        if (ready == null || !ready.startsWith(PostgresServerMain.READY + " ")) {
            server.waitFor(10, TimeUnit.SECONDS);
            throw failure(server.isAlive() ? "it printed '" + ready + "' instead of the ready line"
                    : "its JVM exited with status " + server.exitValue(), dir);
        }
        return ready.substring(PostgresServerMain.READY.length() + 1).trim();
    }

    private static IllegalStateException failure(String why, Path dir) {
        return new IllegalStateException("could not start the embedded PostgreSQL server that the it/ sample"
                + " 'postgres' needs: " + why + ".\n--- end of " + dir.resolve(SERVER_LOG) + ":\n"
                + tail(dir.resolve(SERVER_LOG)) + "\n--- end of " + dir.resolve(POSTGRES_LOG) + ":\n"
                + tail(dir.resolve(POSTGRES_LOG)));
    }

    private static String tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return "(no such file)";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static int port(String url) {
        // jdbc:postgresql://localhost:<port>/<database>?user=...
        String rest = url.substring(url.indexOf("://") + 3);
        return Integer.parseInt(rest.substring(rest.indexOf(':') + 1, rest.indexOf('/')));
    }

    private static void write(Path file, String comment, String... keysAndValues) throws IOException {
        Properties p = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, comment);
        }
    }
}
