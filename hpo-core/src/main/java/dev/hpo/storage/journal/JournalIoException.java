package dev.hpo.storage.journal;

import dev.hpo.storage.StorageException;
import java.io.IOException;

/** The journal file or its lock could not be read or written; the message names the file. */
public final class JournalIoException extends StorageException {
    private static final long serialVersionUID = 1L;

    public JournalIoException(String message, IOException cause) {
        super(message + ": " + cause, cause);
    }
}
