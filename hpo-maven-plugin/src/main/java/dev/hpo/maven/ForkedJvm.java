package dev.hpo.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the forked JVM: its output (stdout and stderr, merged so lines keep their order) goes line by line to
 * a consumer, the goal's log; an optional hard timeout stops the fork (as Ctrl-C would, killing it if it lingers).
 * What the fork did is then read from its run file and the storage, never from this process's memory.
 */
final class ForkedJvm {

    /** How long a fork asked to stop may take to store its running trials as FAIL before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * A line of the fork's output and the level it goes to the build log at: the fork's java.util.logging records
     * come as {@code WARNING: …} and {@code SEVERE: …} (the launcher's one-line format) and keep their level, without
     * the prefix; everything else, the trial lines first of all, is information.
     */
    record Line(Level level, String text) {
        enum Level { INFO, WARNING, ERROR }

        static Line of(String line) {
            if (line.startsWith("WARNING: ")) {
                return new Line(Level.WARNING, line.substring("WARNING: ".length()));
            }
            if (line.startsWith("SEVERE: ")) {
                return new Line(Level.ERROR, line.substring("SEVERE: ".length()));
            }
            return new Line(Level.INFO, line);
        }
    }

    /**
     * A trial the fork announced as it started it ({@code hpo.announceTrials}): {@code [hpo:started] 7 Tuning.accuracy},
     * the prefix the engine's {@code StudyRun.STARTED} prints. Not shown in the build log.
     */
    record Started(int trial, String study) {
        static final String PREFIX = "[hpo:started] ";

        /** The announcement on this line, or {@code null} when the line is something else. */
        static Started of(String line) {
            if (!line.startsWith(PREFIX)) {
                return null;
            }
            int space = line.indexOf(' ', PREFIX.length());
            try {
                return space < 0 ? null : new Started(Integer.parseInt(line.substring(PREFIX.length(), space)),
                        line.substring(space + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** How a fork ended. {@code timedOut} means it was stopped after the hard timeout. */
    record Exit(int code, boolean timedOut) {
    }

    private ForkedJvm() {
    }

    /**
     * Starts the command in {@code directory}, with Maven's environment and {@code environment} on top of it, and
     * waits for it.
     *
     * @param timeout kill the fork after this long; {@code null} to wait for as long as it runs
     */
    static Exit run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
            Consumer<String> lines) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        Thread pump = new Thread(() -> pump(process, lines), "hpo-fork-output");
        pump.setDaemon(true);
        pump.start();
        boolean finished;
        try {
            if (timeout == null) {
                process.waitFor();
                finished = true;
            } else {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
        if (!finished) {
            stop(process);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        return new Exit(process.exitValue(), !finished);
    }

    /**
     * Ends the fork the way Ctrl-C would, so that its shutdown hook stores the trials it was running as FAIL, and
     * kills it when it has not exited within {@link #STOP_GRACE}.
     */
    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static void pump(Process process, Consumer<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            lines.accept("[hpo] lost the forked JVM's output: " + e.getMessage());
        }
    }
}
