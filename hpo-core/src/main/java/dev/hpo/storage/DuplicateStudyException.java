package dev.hpo.storage;

/** A study of that name already exists in the storage. */
public class DuplicateStudyException extends StorageException {
    private static final long serialVersionUID = 1L;

    public DuplicateStudyException(String name) {
        super("a study named '" + name + "' already exists");
    }
}
