package dev.hpo.artifact;

/**
 * What the storage records of an artifact, in Optuna's layout (the system attribute {@code artifacts:<id>} holding
 * this record as a JSON string), so that Optuna's {@code get_all_artifact_meta} and its dashboard read hpo's
 * artifacts and hpo reads theirs.
 *
 * @param artifactId the id in the {@link ArtifactStore} (a random UUID)
 * @param filename the uploaded file's name, which a download keeps
 * @param mimetype e.g. {@code application/json}; {@code application/octet-stream} when nothing better is known
 * @param encoding a content encoding such as {@code gzip}, or {@code null}
 */
public record ArtifactMeta(String artifactId, String filename, String mimetype, String encoding) {

    public ArtifactMeta {
        if (artifactId == null || artifactId.isBlank() || filename == null || mimetype == null) {
            throw new IllegalArgumentException("artifact " + artifactId + " (" + filename + ", " + mimetype
                    + "): id, file name and MIME type are required");
        }
    }
}
