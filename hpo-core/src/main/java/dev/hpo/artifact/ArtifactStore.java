package dev.hpo.artifact;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the files of trials and studies live (models, checkpoints, plots), apart from the storage, which keeps only
 * their {@link ArtifactMeta} as Optuna's artifact module does. One interface so that a store for an object storage can
 * stand in for {@link FileSystemArtifactStore}; users go through {@link Artifacts}.
 */
public interface ArtifactStore {

    /** The artifact's content; the caller closes it. Throws {@link ArtifactNotFoundException} when there is none. */
    InputStream open(String artifactId) throws IOException;

    /** Stores the content under the id, completely or not at all. */
    void write(String artifactId, InputStream content) throws IOException;

    /** Deletes the artifact. Throws {@link ArtifactNotFoundException} when there is none. */
    void remove(String artifactId) throws IOException;
}
