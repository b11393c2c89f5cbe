package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

    /** A fork that prints a line, then waits forever; its shutdown hook leaves a file behind. */
    public static final class Lingering {
        public static void main(String[] args) throws Exception {
            Path marker = Path.of(args[0]);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(marker, "hook ran");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
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
    void aForkPastItsTimeoutIsStoppedSoThatItsShutdownHooksRun() throws Exception {
        Path marker = dir.resolve("marker");
        List<String> lines = new ArrayList<>();
        ForkedJvm.Exit exit = ForkedJvm.run(java(Lingering.class, marker.toString()), dir, Map.of(),
                Duration.ofSeconds(2), lines::add);
        assertTrue(exit.timedOut(), "timed out: " + exit);
        assertEquals(List.of("started"), lines);
        assertTrue(Files.isRegularFile(marker), "the fork's shutdown hook (the engine's exit guard) did not run");
    }

    @Test
    void aTrialAnnouncementNamesTheTrialAndItsStudyAndNothingElseIsOne() {
        assertEquals(new ForkedJvm.Started(7, "Tuning.accuracy with spaces"),
                ForkedJvm.Started.of("[hpo:started] 7 Tuning.accuracy with spaces"));
        assertEquals(null, ForkedJvm.Started.of("[hpo] Tuning.accuracy trial 1/20  value 0.5"));
        assertEquals(null, ForkedJvm.Started.of("[hpo:started] seven Tuning.accuracy"));
        assertEquals(null, ForkedJvm.Started.of("[hpo:started] 7"));
    }
}
