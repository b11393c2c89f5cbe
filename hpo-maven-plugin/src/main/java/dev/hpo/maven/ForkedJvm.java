package dev.hpo.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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

    /**
     * A study the fork announced before running any ({@code hpo.announceTrials}):
     * {@code [hpo:objective] Tuning.accuracy}, the prefix the engine's {@code HpoEngineDescriptor.ANNOUNCED} prints;
     * one per objective found, run or not. Not shown in the build log.
     */
    record Objective(String study) {
        static final String PREFIX = "[hpo:objective] ";

        /** The announcement on this line, or {@code null} when the line is something else. */
        static Objective of(String line) {
            return line.startsWith(PREFIX) && line.length() > PREFIX.length()
                    ? new Objective(line.substring(PREFIX.length())) : null;
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
        AtomicBoolean killed = new AtomicBoolean();
        Thread pump = new Thread(() -> pump(process.getInputStream(), lines, killed::get), "hpo-fork-output");
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
            stop(process, killed);
            throw e;
        }
        if (!finished) {
            stop(process, killed);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        return new Exit(process.exitValue(), !finished);
    }

    /**
     * Ends the fork the way Ctrl-C would, so that its shutdown hook stores the trials it was running as FAIL, and
     * kills it when it has not exited within {@link #STOP_GRACE}.
     *
     * <p>The signal goes through the process handle: {@link Process#destroy} would also close this end of the fork's
     * output, so that the lines its shutdown hook prints (the trials it stored as FAIL) were lost and the thread
     * reading them failed with "Stream closed". The kill closes it, which ends that thread's read as it should:
     * {@code killed} says so beforehand.
     */
    private static void stop(Process process, AtomicBoolean killed) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            killed.set(true);
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Hands the fork's output over line by line until it ends. A read that fails is said as a line of its own,
     * unless {@code closedOnPurpose}: the fork was killed, which closes the stream under the read.
     */
    static void pump(InputStream output, Consumer<String> lines, BooleanSupplier closedOnPurpose) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(output, Charset.defaultCharset()))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            if (!closedOnPurpose.getAsBoolean()) {
                lines.accept("[hpo] lost the forked JVM's output: " + e.getMessage());
            }
        }
    }
}
