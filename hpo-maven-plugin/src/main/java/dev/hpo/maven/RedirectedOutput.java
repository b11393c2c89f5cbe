package dev.hpo.maven;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the objectives print in the forked JVM (their own output, not hpo's trial lines or the fork's log records),
 * written to a file rather than the build log, as surefire's {@code redirectTestOutputToFile} does for tests: an
 * objective that logs every epoch of every trial would bury the lines a person reads. Each run replaces the file.
 */
final class RedirectedOutput implements Closeable {

    /** The file's name in the reports directory. */
    static final String FILE_NAME = "hpo-output.txt";

    private final Path file;
    private BufferedWriter writer;
    private int lines;
    private IOException failure;

    private RedirectedOutput(Path file) {
        this.file = file;
    }

    /** A run's output file in {@code directory}, made with its first line; the previous run's is removed now. */
    static RedirectedOutput in(Path directory) {
        RedirectedOutput output = new RedirectedOutput(directory.resolve(FILE_NAME));
        try {
            Files.deleteIfExists(output.file);
        } catch (IOException e) {
            output.failure = e;  // its first line says so, and the output goes to the log
        }
        return output;
    }

    /**
     * Whether a line of the fork is the objectives' own: not hpo's ({@code [hpo] …}, {@code [hpo:started] …}) nor a log
     * record the launcher writes ({@code WARNING: …}, {@code SEVERE: …}), which stay in the build log.
     */
    static boolean isObjectiveOutput(String line) {
        return !line.startsWith("[hpo]") && !line.startsWith("[hpo:") && !line.startsWith("WARNING: ")
                && !line.startsWith("SEVERE: ");
    }

    /**
     * Appends a line (the file is made with the first one); the error when the file cannot be written, after which
     * nothing more is written and the caller logs the lines instead.
     */
    Optional<IOException> write(String line) {
        if (failure != null) {
            return Optional.of(failure);
        }
        try {
            if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            writer.write(line);
            writer.newLine();
            lines++;
            return Optional.empty();
        } catch (IOException e) {
            failure = e;
            return Optional.of(e);
        }
    }

    int lines() {
        return lines;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }
}
