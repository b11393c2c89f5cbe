package dev.hpo.storage.journal;

import dev.hpo.storage.StorageException;
import java.io.IOException;

/** The journal file or its lock could not be read or written; the message names the file. */
public final class JournalIoException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** A failure the operating system reported without an exception (a {@code false} from {@code File.delete}). */
    public JournalIoException(String message) {
        super(message);
    }

    public JournalIoException(String message, IOException cause) {
        super(message + ": " + cause, cause);
    }
}
