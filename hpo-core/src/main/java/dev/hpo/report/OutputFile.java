package dev.hpo.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes one of the report's files, creating its directories; a failure names the file and what it was to hold. The
 * text goes to a temporary file beside it that then replaces it in one move, so a reader (a browser reloading a report
 * that is redrawn while a study runs, a CI step) never sees half a file.
 */
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
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, text, charset);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
