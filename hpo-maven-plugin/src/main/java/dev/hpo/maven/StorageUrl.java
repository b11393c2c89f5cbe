package dev.hpo.maven;

import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks and opens the {@code storage} parameter. The goal and the forked engine are different JVMs that meet
 * only in the storage, so a storage that lives in one JVM's memory cannot work for {@code hpo:optimize}.
 */
final class StorageUrl {

    static final String PARAMETER = "storage";
    static final String JOURNAL = "journal:";
    static final String PROPERTY = "hpo.storage";
    static final String ALLOWED = "a persistent storage URL such as journal:target/hpo/studies.log or"
            + " jdbc:postgresql://host/db (memory: is lost when the forked JVM exits)";

    private StorageUrl() {
    }

    /** Returns the trimmed URL, or throws when it is empty or names the in-memory storage. */
    static String checkForFork(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidParameterException(PARAMETER, PROPERTY, String.valueOf(url), ALLOWED);
        }
        String u = url.trim();
        if (u.equals("memory:") || u.equals("memory")) {
            throw new InvalidParameterException(PARAMETER, PROPERTY, u, ALLOWED);
        }
        return u;
    }

    /**
     * The file of a {@code journal:} URL when it does not exist, else empty (another scheme, or a journal that does):
     * opening such a journal creates it and its folders, which a goal that only reads must not do for a misspelt path.
     */
    static Optional<Path> missingJournal(String url) {
        if (url == null || !url.trim().startsWith(JOURNAL) || url.trim().length() == JOURNAL.length()) {
            return Optional.empty();
        }
        Path file = Path.of(url.trim().substring(JOURNAL.length()));
        return Files.exists(file) ? Optional.empty() : Optional.of(file);
    }

    /** Opens the storage, or throws naming the parameter when the URL is not one hpo can open. */
    static Storage open(String url) {
        try {
            return Storages.open(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(PARAMETER, PROPERTY, url, ALLOWED + " (" + e.getMessage() + ")");
        }
    }
}
