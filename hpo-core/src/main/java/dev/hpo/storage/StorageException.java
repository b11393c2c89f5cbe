package dev.hpo.storage;

/**
 * A storage could not do what was asked: an unreadable file, a lost connection, a corrupt record. The message
 * names the storage and what went wrong; nothing already stored is lost when it is thrown.
 */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
