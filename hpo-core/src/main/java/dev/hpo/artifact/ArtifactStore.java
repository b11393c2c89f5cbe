package dev.hpo.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the files of trials and studies live (models, checkpoints, plots), apart from the storage, which keeps only
 * their {@link ArtifactMeta} as Optuna's artifact module does. One interface so that a store for an object storage can
 * stand in for {@link FileSystemArtifactStore}; users go through {@link Artifacts}.
 */
public interface ArtifactStore extends AutoCloseable {

    /**
     * The store at a location: {@code jdbc:…} for a {@link JdbcArtifactStore} (the database of a JDBC storage),
     * anything else a directory for a {@link FileSystemArtifactStore} ({@code file:} in front is allowed).
     */
    static ArtifactStore of(String location) {
        if (location.startsWith("jdbc:")) {
            return new JdbcArtifactStore(location);
        }
        return new FileSystemArtifactStore(Path.of(location.startsWith("file:") ? location.substring(5) : location));
    }

    /** The artifact's content; the caller closes it. Throws {@link ArtifactNotFoundException} when there is none. */
    InputStream open(String artifactId) throws IOException;

    /** Stores the content under the id, completely or not at all. */
    void write(String artifactId, InputStream content) throws IOException;

    /** Deletes the artifact. Throws {@link ArtifactNotFoundException} when there is none. */
    void remove(String artifactId) throws IOException;

    /** Releases what the store holds open (a database connection); nothing for a directory. */
    @Override
    default void close() {
    }
}
