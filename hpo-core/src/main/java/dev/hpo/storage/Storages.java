package dev.hpo.storage;

/**
 * Opens a storage from its URL, the form users write in configuration ({@code hpo.storage}, the goal's
 * {@code storage} parameter, {@code Study.Builder.storage(String)}).
 */
public final class Storages {

    private Storages() {
    }

    /**
     * Opens the storage a URL names. Known schemes: {@code memory:}; {@code journal:<path>} (an Optuna journal
     * file; a relative path resolves against the working directory, missing parent directories are created).
     *
     * @throws IllegalArgumentException naming the URL and the known schemes when the scheme is unknown
     */
    public static Storage open(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("storage URL is empty; use one of " + knownSchemes());
        }
        String u = url.trim();
        if (u.equals("memory:") || u.equals("memory")) {
            return new InMemoryStorage();
        }
        if (u.startsWith("journal:")) {
            String path = u.substring("journal:".length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("storage URL '" + url + "' names no file; write journal:<path>,"
                        + " e.g. journal:target/hpo/study.log");
            }
            return new JournalStorage(java.nio.file.Path.of(path).toAbsolutePath());
        }
        throw new IllegalArgumentException("unknown storage URL '" + url + "'; known schemes: " + knownSchemes());
    }

    private static String knownSchemes() {
        return "memory:, journal:<path>";
    }
}
