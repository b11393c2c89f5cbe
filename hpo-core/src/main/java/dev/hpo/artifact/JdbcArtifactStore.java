package dev.hpo.artifact;

import dev.hpo.storage.jdbc.JdbcConnector;
import dev.hpo.storage.jdbc.JdbcConnector.Retry;
import dev.hpo.storage.jdbc.JdbcUrls;
import dev.hpo.storage.jdbc.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Artifacts as rows of the table {@code hpo_artifacts} in a database, for studies whose workers share a
 * {@code jdbc:postgresql://…} storage from several machines and no file system: the same URL (and credentials, from
 * the URL or {@code HPO_DB_USER}/{@code HPO_DB_PASSWORD} as for the storage) holds the files too. An artifact is
 * read and written whole, in memory, so this suits models of up to a few hundred megabytes; larger ones belong on a
 * shared disk ({@link FileSystemArtifactStore}).
 */
public final class JdbcArtifactStore implements ArtifactStore {

    private final JdbcConnector db;

    /** Opens the store at a JDBC URL, creating its table when missing. */
    public JdbcArtifactStore(String url) {
        this.db = new JdbcConnector(url, JdbcUrls.credentials(url, System.getenv()), RetryPolicy.DEFAULT);
        db.transaction("create the table hpo_artifacts", Retry.ALWAYS, c -> {
            try (PreparedStatement s = c.prepareStatement("CREATE TABLE IF NOT EXISTS hpo_artifacts (artifact_id "
                    + db.dialect().keyType() + " PRIMARY KEY, content " + db.dialect().blobType() + " NOT NULL)")) {
                s.execute();
            }
            return null;
        });
    }

    @Override
    public InputStream open(String artifactId) throws IOException {
        byte[] content = db.read("read artifact " + artifactId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT content FROM hpo_artifacts WHERE artifact_id = ?")) {
                s.setString(1, artifactId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getBytes(1) : null;
                }
            }
        });
        if (content == null) {
            throw new ArtifactNotFoundException("no artifact " + artifactId + " in " + db.redactedUrl(), null);
        }
        return new ByteArrayInputStream(content);
    }

    /** Replaces any artifact of that id, in one transaction: readers see the old content or the new, whole. */
    @Override
    public void write(String artifactId, InputStream content) throws IOException {
        byte[] bytes = content.readAllBytes();
        db.transaction("write artifact " + artifactId, Retry.ALWAYS, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM hpo_artifacts WHERE artifact_id = ?");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO hpo_artifacts (artifact_id, content) VALUES (?, ?)")) {
                delete.setString(1, artifactId);
                delete.executeUpdate();
                insert.setString(1, artifactId);
                insert.setBytes(2, bytes);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(String artifactId) throws IOException {
        int removed = db.transaction("remove artifact " + artifactId, Retry.ALWAYS, c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM hpo_artifacts WHERE artifact_id = ?")) {
                s.setString(1, artifactId);
                return s.executeUpdate();
            }
        });
        if (removed == 0) {
            throw new ArtifactNotFoundException("no artifact " + artifactId + " in " + db.redactedUrl(), null);
        }
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "JdbcArtifactStore[" + db.redactedUrl() + "]";
    }
}
