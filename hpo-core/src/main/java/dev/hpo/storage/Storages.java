package dev.hpo.storage;

import dev.hpo.FrozenTrial;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens a storage from its URL, the form users write in configuration ({@code hpo.storage}, the goal's
 * {@code storage} parameter, {@code Study.Builder.storage(String)}).
 */
public final class Storages {

    private Storages() {
    }

    /**
     * Opens the storage a URL names. Known schemes: {@code memory:}; {@code journal:<path>} (an Optuna journal
     * file; a relative path resolves against the working directory, missing parent directories are created);
     * {@code jdbc:} for a database (see {@link JdbcStorage}: {@code jdbc:postgresql://host/db?user=…}, with the
     * database's JDBC driver on the classpath).
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
            if (!path.startsWith("file:")) {
                return new JournalStorage(Path.of(path).toAbsolutePath());
            }
            try {  // journal:file:///tmp/s.log names the file by URI; as a path it would be a folder called "file:"
                return new JournalStorage(Path.of(URI.create(path)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("storage URL '" + url + "' has no absolute file URI ("
                        + e.getMessage() + "); write journal:file:///absolute/path or journal:<path>", e);
            }
        }
        if (u.startsWith("jdbc:")) {
            return new JdbcStorage(u);
        }
        throw new IllegalArgumentException("unknown storage URL '" + url + "'; known schemes: " + knownSchemes());
    }

    /**
     * Copies a study, its attributes and every trial (in any state, with its number order, parameters, intermediate
     * values, attributes and times) into another storage under {@code toName} (Optuna's {@code copy_study}): to move
     * a study from a journal file to a database shared by many machines, or out of one into a journal file that
     * Optuna's tools read. The source is only read. Trials keep their order; their numbers are the target's, which
     * for a new study are the same.
     *
     * @return the new study's id in {@code to}
     * @throws IllegalArgumentException when {@code from} has no study {@code fromName}
     * @throws DuplicateStudyException when {@code to} already has a study {@code toName}
     */
    public static long copyStudy(Storage from, String fromName, Storage to, String toName) {
        long source = from.findStudy(fromName).orElseThrow(() -> new IllegalArgumentException(
                "no study named '" + fromName + "' to copy; the storage has " + from.studies().stream()
                        .map(StudyInfo::name).toList()));
        StudyInfo info = from.study(source);
        long target = to.createStudy(toName, info.directions());
        for (Map.Entry<String, Object> e : info.userAttrs().entrySet()) {
            to.setStudyUserAttr(target, e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : info.systemAttrs().entrySet()) {
            to.setStudySystemAttr(target, e.getKey(), e.getValue());
        }
        for (FrozenTrial t : from.trials(source)) {
            to.createTrial(target, t);
        }
        return target;
    }

    private static String knownSchemes() {
        return "memory:, journal:<path>, jdbc:<database URL>";
    }
}
