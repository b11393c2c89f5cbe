package dev.hpo.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Files that belong to a trial or a study, Optuna's {@code optuna.artifacts}: the objective uploads what it made (the
 * trained model, a checkpoint, a confusion matrix), the study's storage records the file's {@link ArtifactMeta}, and
 * whoever reads the study later downloads the best trial's files. The content goes to an {@link ArtifactStore}, not
 * into the storage, so that a journal or database stays small however large the models are.
 *
 * <pre>{@code
 * ArtifactStore store = new FileSystemArtifactStore(Path.of("target/hpo/artifacts"));
 * study.optimize(trial -> {
 *     Model m = train(trial.suggestFloat("lr", 1e-4, 1e-1, true));
 *     Artifacts.upload(trial, m.save(Path.of("model.bin")), store);
 *     return m.accuracy();
 * }, 50);
 * for (ArtifactMeta a : Artifacts.list(study.bestTrial())) {
 *     Artifacts.download(store, a.artifactId(), Path.of("best", a.filename()));
 * }
 * }</pre>
 */
public final class Artifacts {

    /** The system attribute prefix Optuna uses for artifact records: {@code artifacts:<artifact id>}. */
    public static final String ATTR_PREFIX = "artifacts:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_MIMETYPE = "application/octet-stream";
    /** Content encodings by file suffix, as Python's {@code mimetypes} (and so Optuna) guess them. */
    private static final Map<String, String> ENCODINGS = Map.of(".gz", "gzip", ".z", "compress", ".bz2", "bzip2",
            ".xz", "xz", ".br", "br");

    private Artifacts() {
    }

    /** Uploads a file of a running trial, its MIME type and encoding guessed from the name; returns the new id. */
    public static String upload(Trial trial, Path file, ArtifactStore store) throws IOException {
        return upload(trial, file, store, null, null);
    }

    /**
     * Uploads a file of a running trial with the given MIME type and encoding ({@code null}: guessed from the file
     * name, as Optuna guesses). The content is stored before the record, so a record always has its content.
     */
    public static String upload(Trial trial, Path file, ArtifactStore store, String mimetype, String encoding)
            throws IOException {
        ArtifactMeta meta = store(file, store, mimetype, encoding);
        trial.setSystemAttr(ATTR_PREFIX + meta.artifactId(), toJson(meta));
        return meta.artifactId();
    }

    /** Uploads a file that belongs to the whole study (a data set's version, a summary); returns the new id. */
    public static String upload(Study study, Path file, ArtifactStore store) throws IOException {
        ArtifactMeta meta = store(file, store, null, null);
        study.setSystemAttr(ATTR_PREFIX + meta.artifactId(), toJson(meta));
        return meta.artifactId();
    }

    /** The artifacts uploaded for a trial, in upload order. */
    public static List<ArtifactMeta> list(FrozenTrial trial) {
        // the report and the JSON ask this of every trial; most have no attributes at all
        return trial.systemAttrs().isEmpty() ? List.of() : fromAttrs(trial.systemAttrs(), "trial " + trial.number());
    }

    /** The artifacts uploaded for the study itself (not those of its trials). */
    public static List<ArtifactMeta> list(Study study) {
        return fromAttrs(study.systemAttrs(), "study " + study.name());
    }

    /**
     * Copies an artifact's content to {@code target}, creating its directory; an existing file is not overwritten
     * ({@link FileAlreadyExistsException}), as Optuna's {@code download_artifact} refuses to.
     */
    public static void download(ArtifactStore store, String artifactId, Path target) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "artifact " + artifactId
                    + " is not downloaded over an existing file; delete it or choose another path");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (InputStream in = store.open(artifactId)) {
            Files.copy(in, target);
        }
    }

    /**
     * Downloads every artifact of a trial into {@code directory} under its file name (prefixed with its id when the
     * trial uploaded that name more than once), replacing files of those names; returns the files written. This is
     * how a build hands on the best trial's model: {@code downloadAll(study.bestTrial(), store, dir)}.
     */
    public static List<Path> downloadAll(FrozenTrial trial, ArtifactStore store, Path directory) throws IOException {
        List<ArtifactMeta> artifacts = list(trial);
        Map<String, Long> uses = new HashMap<>();
        artifacts.forEach(a -> uses.merge(a.filename(), 1L, Long::sum));
        List<Path> written = new ArrayList<>();
        for (ArtifactMeta a : artifacts) {
            Path target = directory.resolve(uses.get(a.filename()) > 1 ? a.artifactId() + "-" + a.filename()
                    : a.filename());
            Files.deleteIfExists(target);
            download(store, a.artifactId(), target);
            written.add(target);
        }
        return written;
    }

    /**
     * Removes from the store every artifact the study and its trials uploaded, skipping files already gone; returns
     * how many were removed. The records stay with the study: this is for a study about to be deleted.
     */
    public static int removeAll(Study study, ArtifactStore store) throws IOException {
        List<ArtifactMeta> all = new ArrayList<>(list(study));
        for (FrozenTrial t : study.trials()) {
            all.addAll(list(t));
        }
        int removed = 0;
        for (ArtifactMeta a : all) {
            try {
                store.remove(a.artifactId());
                removed++;
            } catch (ArtifactNotFoundException gone) {
                // removed before, or never written
            }
        }
        return removed;
    }

    /** The MIME type and encoding Optuna would record for a file name: {@code model.tar.gz} is a gzipped tar. */
    static String[] guess(String filename) {
        String name = filename;
        String encoding = null;
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tgz")) {
            return new String[] {"application/x-tar", "gzip"};
        }
        for (Map.Entry<String, String> e : ENCODINGS.entrySet()) {
            boolean matches = e.getKey().equals(".z") ? name.endsWith(".Z") : lower.endsWith(e.getKey());
            if (matches) {
                encoding = e.getValue();
                name = name.substring(0, name.length() - e.getKey().length());
                break;
            }
        }
        String type = URLConnection.guessContentTypeFromName(name);
        return new String[] {type != null ? type : DEFAULT_MIMETYPE, encoding};
    }

    private static ArtifactMeta store(Path file, ArtifactStore store, String mimetype, String encoding)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot upload " + file.toAbsolutePath() + ": no such file");
        }
        String filename = file.getFileName().toString();
        String[] guessed = guess(filename);
        ArtifactMeta meta = new ArtifactMeta(UUID.randomUUID().toString(), filename,
                mimetype != null ? mimetype : guessed[0], encoding != null ? encoding : guessed[1]);
        try (InputStream in = Files.newInputStream(file)) {
            store.write(meta.artifactId(), in);
        }
        return meta;
    }

    /** Optuna's record: the meta as a JSON string with its field names. */
    static String toJson(ArtifactMeta meta) {
        ObjectNode node = JSON.createObjectNode();
        node.put("artifact_id", meta.artifactId());
        node.put("filename", meta.filename());
        node.put("mimetype", meta.mimetype());
        node.put("encoding", meta.encoding());
        return node.toString();
    }

    private static List<ArtifactMeta> fromAttrs(Map<String, Object> attrs, String owner) {
        List<ArtifactMeta> out = new ArrayList<>();
        attrs.forEach((key, value) -> {
            if (key.startsWith(ATTR_PREFIX)) {
                out.add(fromJson(key, value, owner));
            }
        });
        return out;
    }

    private static ArtifactMeta fromJson(String key, Object value, String owner) {
        try {
            JsonNode node = value instanceof String s ? JSON.readTree(s) : JSON.valueToTree(value);
            JsonNode encoding = node.path("encoding");
            return new ArtifactMeta(node.path("artifact_id").asText(null), node.path("filename").asText(null),
                    node.path("mimetype").asText(null), encoding.isTextual() ? encoding.asText() : null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(owner + " has a malformed artifact record " + key + " = " + value
                    + ": " + e.getMessage(), e);
        }
    }
}
