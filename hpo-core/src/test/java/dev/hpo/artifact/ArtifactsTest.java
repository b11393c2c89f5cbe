package dev.hpo.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.sampler.RandomSampler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

    @TempDir
    Path dir;

    @Test
    void theBestTrialsFileIsFoundAndDownloadedAfterTheStudyFromAJournalReopened() throws IOException {
        ArtifactStore store = new FileSystemArtifactStore(dir.resolve("artifacts"));
        String url = "journal:" + dir.resolve("study.log");
        try (Study study = Study.builder().name("s").storage(url).sampler(new RandomSampler(3)).build()) {
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -5, 5);
                Path model = dir.resolve("model.json");
                Files.writeString(model, "{\"x\": " + x + "}");
                Artifacts.upload(trial, model, store);
                return (x - 1) * (x - 1);
            }, 5);
        }
        try (Study reopened = Study.builder().name("s").storage(url).loadIfExists(true).build()) {
            FrozenTrial best = reopened.bestTrial();
            List<ArtifactMeta> artifacts = Artifacts.list(best);
            assertEquals(1, artifacts.size());
            ArtifactMeta meta = artifacts.get(0);
            assertEquals("model.json", meta.filename());
            assertEquals("application/json", meta.mimetype());
            assertNull(meta.encoding());
            Path target = dir.resolve("best").resolve(meta.filename());
            Artifacts.download(store, meta.artifactId(), target);
            assertEquals("{\"x\": " + best.params().get("x") + "}", Files.readString(target));
            FileAlreadyExistsException twice = assertThrows(FileAlreadyExistsException.class,
                    () -> Artifacts.download(store, meta.artifactId(), target));
            assertTrue(twice.getMessage().contains("not downloaded over an existing file"), twice.getMessage());
        }
        try (Stream<Path> files = Files.list(dir.resolve("artifacts"))) {
            assertEquals(5, files.count(), "one file per trial, no temporary file left");
        }
    }

    @Test
    void studyArtifactsAreTheStudysOwnWithAnExplicitTypeKept() throws IOException {
        ArtifactStore store = new FileSystemArtifactStore(dir.resolve("a"));
        Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        try (Study study = Study.builder().build()) {
            String id = Artifacts.upload(study, data, store);
            assertEquals(List.of(new ArtifactMeta(id, "data.csv", "text/csv", null)), Artifacts.list(study));
            var trial = study.ask();
            Artifacts.upload(trial, data, store, "application/x-custom", "identity");
            study.tell(trial, 1.0);
            ArtifactMeta meta = Artifacts.list(study.trials().get(0)).get(0);
            assertEquals("application/x-custom", meta.mimetype());
            assertEquals("identity", meta.encoding());
        }
    }

    @Test
    void downloadAllWritesEveryFileOfATrialAndKeepsRepeatedNamesApart() throws IOException {
        ArtifactStore store = new FileSystemArtifactStore(dir.resolve("a"));
        Path model = Files.writeString(dir.resolve("model.bin"), "first");
        Path plot = Files.writeString(dir.resolve("loss.svg"), "<svg/>");
        try (Study study = Study.builder().build()) {
            var trial = study.ask();
            String first = Artifacts.upload(trial, model, store);
            Files.writeString(model, "second");
            String second = Artifacts.upload(trial, model, store);
            Artifacts.upload(trial, plot, store);
            study.tell(trial, 1.0);
            Path out = dir.resolve("best");
            Files.createDirectories(out);
            Files.writeString(out.resolve("loss.svg"), "stale");
            List<Path> written = Artifacts.downloadAll(study.bestTrial(), store, out);
            assertEquals(List.of(out.resolve(first + "-model.bin"), out.resolve(second + "-model.bin"),
                    out.resolve("loss.svg")), written);
            assertEquals("first", Files.readString(written.get(0)));
            assertEquals("second", Files.readString(written.get(1)));
            assertEquals("<svg/>", Files.readString(written.get(2)), "a file of the same name is replaced");
        }
    }

    @Test
    void removeAllEmptiesTheStoreOfAStudysFilesAndSkipsThoseAlreadyGone() throws IOException {
        FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("a"));
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        try (Study study = Study.builder().build()) {
            Artifacts.upload(study, file, store);
            for (int i = 0; i < 3; i++) {
                var trial = study.ask();
                String id = Artifacts.upload(trial, file, store);
                if (i == 0) {
                    store.remove(id);
                }
                study.tell(trial, i);
            }
            assertEquals(3, Artifacts.removeAll(study, store), "the study's file and two trials' files");
            try (Stream<Path> left = Files.list(store.directory())) {
                assertEquals(0, left.count());
            }
        }
    }

    @Test
    void typesAndEncodingsAreGuessedAsOptunaGuessesThem() {
        // Python 3.11's mimetypes.guess_type, which Optuna's upload_artifact calls
        assertGuess("model.json", "application/json", null);
        assertGuess("weights.bin", "application/octet-stream", null);
        assertGuess("model.onnx", "application/octet-stream", null);
        assertGuess("plot.png", "image/png", null);
        assertGuess("plot.svg", "image/svg+xml", null);
        assertGuess("m.tar.gz", "application/x-tar", "gzip");
        assertGuess("m.tgz", "application/x-tar", "gzip");
        assertGuess("x.json.gz", "application/json", "gzip");
        assertGuess("log.txt.bz2", "text/plain", "bzip2");
    }

    private static void assertGuess(String name, String type, String encoding) {
        assertArrayEquals(new String[] {type, encoding}, Artifacts.guess(name), name);
    }

    @Test
    void optunasArtifactsAreReadFromItsJournal() throws IOException, URISyntaxException {
        Path fixture = Path.of(ArtifactsTest.class.getResource("/optuna-artifacts/journal.log").toURI()).getParent();
        Path journal = Files.copy(fixture.resolve("journal.log"), dir.resolve("journal.log"));
        ArtifactStore store = new FileSystemArtifactStore(fixture.resolve("artifacts"));
        try (Study study = Study.builder().name("with-artifacts").storage("journal:" + journal).loadIfExists(true)
                .build()) {
            for (FrozenTrial trial : study.trials()) {
                List<ArtifactMeta> artifacts = Artifacts.list(trial);
                assertEquals(1, artifacts.size());
                assertEquals("model-" + trial.number() + ".json", artifacts.get(0).filename());
                try (InputStream in = store.open(artifacts.get(0).artifactId())) {
                    String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertEquals("{\"x\": " + trial.params().get("x") + "}\n", content);
                }
            }
            ArtifactMeta summary = Artifacts.list(study).get(0);
            assertEquals("summary.txt.gz", summary.filename());
            assertEquals("text/plain", summary.mimetype());
            assertEquals("gzip", summary.encoding());
        }
    }

    @Test
    void aLocationNamesADirectoryOrADatabase() {
        try (ArtifactStore plain = ArtifactStore.of(dir.resolve("x").toString());
                ArtifactStore file = ArtifactStore.of("file:" + dir.resolve("y"));
                ArtifactStore db = ArtifactStore.of("jdbc:h2:mem:artifact-location;DB_CLOSE_DELAY=-1")) {
            assertEquals(dir.resolve("x"), ((FileSystemArtifactStore) plain).directory());
            assertEquals(dir.resolve("y"), ((FileSystemArtifactStore) file).directory());
            assertTrue(db instanceof JdbcArtifactStore, db.toString());
        }
    }

    @Test
    void theStoreKeepsToItsDirectoryAndNamesWhatIsMissing() throws IOException {
        FileSystemArtifactStore store = new FileSystemArtifactStore(dir.resolve("store"));
        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> store.open("../secret"));
        assertEquals("artifact id '../secret' is not a plain file name in " + store.directory(), escape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.remove("/etc/passwd"));
        ArtifactNotFoundException missing = assertThrows(ArtifactNotFoundException.class, () -> store.open("nope"));
        assertEquals("no artifact nope in " + store.directory(), missing.getMessage());
        IOException noFile = assertThrows(IOException.class, () -> {
            try (Study study = Study.builder().build()) {
                Artifacts.upload(study, dir.resolve("absent.bin"), store);
            }
        });
        assertEquals("cannot upload " + dir.resolve("absent.bin").toAbsolutePath() + ": no such file",
                noFile.getMessage());
    }
}
