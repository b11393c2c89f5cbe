package dev.hpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one of the report's files, creating its directories; a failure names the file and what it was to hold. */
final class OutputFile {

    private OutputFile() {
    }

    /** @param what what the file holds, for the error: {@code "the hpo report"}, {@code "study x as CSV"} */
    static void write(Path file, String text, Charset charset, String what) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, charset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
