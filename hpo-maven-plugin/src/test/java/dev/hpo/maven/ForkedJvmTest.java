package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs: what the goal sees of a fork that ends, and how it stops one that does not. */
class ForkedJvmTest {

    @TempDir
    Path dir;

    /**
     * A fork that prints a line, then waits forever; its shutdown hook leaves a file behind and prints a line, as the
     * engine's prints the trials it stored as FAIL.
     */
    public static final class Lingering {
        public static void main(String[] args) throws Exception {
            Path marker = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(marker, "hook ran");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                System.out.println("hook ran");
                System.out.flush();
            }));
            System.out.println("started");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A fork that prints two lines and exits with a code. */
    public static final class Exiting {
        public static void main(String[] args) {
            System.out.println("one");
            System.err.println("two");
            System.exit(3);
        }
    }

    /** Prints an environment variable the goal set and one it inherited. */
    public static final class Environment {
        public static void main(String[] args) {
            System.out.println(System.getenv("HPO_DATA") + " " + (System.getenv("PATH") != null));
        }
    }

    private static List<String> java(Class<?> main, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void logRecordsOfTheForkKeepTheirLevelAndTrialLinesAreInformation() {
        assertEquals(new ForkedJvm.Line(ForkedJvm.Line.Level.WARNING, "study S.m trial 2 marked FAIL"),
                ForkedJvm.Line.of("WARNING: study S.m trial 2 marked FAIL"));
        assertEquals(new ForkedJvm.Line(ForkedJvm.Line.Level.ERROR, "the storage is gone"),
                ForkedJvm.Line.of("SEVERE: the storage is gone"));
        assertEquals(new ForkedJvm.Line(ForkedJvm.Line.Level.INFO, "[hpo] S.m trial 1/4  value 0.1000"),
                ForkedJvm.Line.of("[hpo] S.m trial 1/4  value 0.1000"));
        assertEquals(ForkedJvm.Line.Level.INFO, ForkedJvm.Line.of("WARNING without the colon").level());
    }

    @Test
    void aForkThatExitsHandsOverItsLinesAndCode() throws Exception {
        List<String> lines = new ArrayList<>();
        ForkedJvm.Exit exit = ForkedJvm.run(java(Exiting.class), dir, Map.of(), null, lines::add);
        assertEquals(new ForkedJvm.Exit(3, false), exit);
        assertEquals(List.of("one", "two"), lines);
    }

    @Test
    void aForkGetsTheGivenEnvironmentVariablesOnTopOfMavensOwn() throws Exception {
        List<String> lines = new ArrayList<>();
        ForkedJvm.run(java(Environment.class), dir, Map.of("HPO_DATA", "/data/digits"), null, lines::add);
        assertEquals(List.of("/data/digits true"), lines);
    }

    @Test
    void aForkPastItsTimeoutIsStoppedSoThatItsShutdownHooksRunAndTheirLinesArrive() throws Exception {
        Path marker = dir.resolve("marker");
        List<String> lines = new ArrayList<>();
        ForkedJvm.Exit exit = ForkedJvm.run(java(Lingering.class, marker.toString()), dir, Map.of(),
                Duration.ofSeconds(2), lines::add);
        assertTrue(exit.timedOut(), "timed out: " + exit);
        assertTrue(Files.isRegularFile(marker), "the fork's shutdown hook (the engine's exit guard) did not run");
        // stopping it closes nothing of the goal's: the hook's line arrives, and no "Stream closed" with it
        assertEquals(List.of("started", "hook ran"), lines);
    }

    /**
     * Killing the fork (after {@link ForkedJvm#STOP_GRACE}) closes its output, which fails a read that was not
     * already waiting for the next line: that is no news. Any other failed read is.
     */
    @Test
    void aReadThatFailsIsSaidUnlessTheForkWasKilled() {
        List<String> lines = new ArrayList<>();
        ForkedJvm.pump(failingAfter("one\n"), lines::add, () -> false);
        assertEquals(List.of("one", "[hpo] lost the forked JVM's output: Input/output error"), lines);
        lines.clear();
        ForkedJvm.pump(failingAfter("one\n"), lines::add, () -> true);
        assertEquals(List.of("one"), lines);
    }

    /** A stream that gives {@code text}, then fails as a broken pipe would. */
    private static InputStream failingAfter(String text) {
        return new SequenceInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Input/output error");
                    }
                });
    }

    @Test
    void aTrialAnnouncementNamesTheTrialAndItsStudyAndNothingElseIsOne() {
        assertEquals(new ForkedJvm.Started(7, "Tuning.accuracy with spaces"),
                ForkedJvm.Started.of("[hpo:started] 7 Tuning.accuracy with spaces"));
        assertEquals(null, ForkedJvm.Started.of("[hpo] Tuning.accuracy trial 1/20  value 0.5"));
        assertEquals(null, ForkedJvm.Started.of("[hpo:started] seven Tuning.accuracy"));
        assertEquals(null, ForkedJvm.Started.of("[hpo:started] 7"));
    }

    @Test
    void aStudyAnnouncementNamesTheStudyAndNothingElseIsOne() {
        assertEquals(new ForkedJvm.Objective("Tuning.accuracy"),
                ForkedJvm.Objective.of("[hpo:objective] Tuning.accuracy"));
        assertEquals(null, ForkedJvm.Objective.of("[hpo:objective] "));
        assertEquals(null, ForkedJvm.Objective.of("[hpo:started] 7 Tuning.accuracy"));
        assertEquals(null, ForkedJvm.Objective.of("[hpo] Tuning.accuracy trial 1/20  value 0.5"));
    }
}
