package dev.hpo.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Artifacts as files named by their id in one directory (Optuna's {@code FileSystemArtifactStore} layout: a local
 * disk, or a network file system that several workers share). A write goes to a temporary file first and is moved
 * into place, so a worker that dies mid-write leaves no truncated artifact under a valid id.
 */
public final class FileSystemArtifactStore implements ArtifactStore {

    private final Path directory;

    /** A store in {@code directory}, created when missing. */
    public FileSystemArtifactStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the artifact directory " + this.directory + ": " + e, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public InputStream open(String artifactId) throws IOException {
        try {
            return Files.newInputStream(file(artifactId));
        } catch (NoSuchFileException e) {
            throw new ArtifactNotFoundException("no artifact " + artifactId + " in " + directory, e);
        }
    }

    @Override
    public void write(String artifactId, InputStream content) throws IOException {
        Path target = file(artifactId);
        Path partial = Files.createTempFile(directory, ".writing-", ".tmp");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public void remove(String artifactId) throws IOException {
        try {
            Files.delete(file(artifactId));
        } catch (NoSuchFileException e) {
            throw new ArtifactNotFoundException("no artifact " + artifactId + " in " + directory, e);
        }
    }

    /** The artifact's file; an id that would leave the directory ({@code ../x}, an absolute path) is refused. */
    private Path file(String artifactId) {
        Path file = directory.resolve(artifactId).normalize();
        if (artifactId.isBlank() || !file.getParent().equals(directory)) {
            throw new IllegalArgumentException("artifact id '" + artifactId + "' is not a plain file name in "
                    + directory);
        }
        return file;
    }

    @Override
    public String toString() {
        return "FileSystemArtifactStore[" + directory + "]";
    }
}
