package dev.hpo.maven;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the forked JVM: its output (stdout and stderr, merged so lines keep their order) goes line by line to
 * a consumer, the goal's log; an optional hard timeout kills the fork. What the fork did is then read from its run
 * file and the storage, never from this process's memory.
 */
final class ForkedJvm {

    /** How a fork ended. {@code timedOut} means it was killed after the hard timeout. */
    record Exit(int code, boolean timedOut) {
    }

    private ForkedJvm() {
    }

    /**
     * Starts the command in {@code directory} and waits for it.
     *
     * @param timeout kill the fork after this long; {@code null} to wait for as long as it runs
     */
    static Exit run(List<String> command, Path directory, Duration timeout, Consumer<String> lines)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
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
            process.destroyForcibly();
            throw e;
        }
        if (!finished) {
            process.destroyForcibly();
            process.waitFor();
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        return new Exit(process.exitValue(), !finished);
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
