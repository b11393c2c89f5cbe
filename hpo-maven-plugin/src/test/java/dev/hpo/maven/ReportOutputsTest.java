package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.artifact.FileSystemArtifactStore;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOutputsTest {

    @TempDir
    Path dir;

    private final Storage storage = new InMemoryStorage();

    /** Runs trials with the given values, each uploading a file that names its trial. */
    private void study(String name, ArtifactStore store, double... values) throws IOException {
        try (Study study = Study.builder().name(name).storage(storage).loadIfExists(true).build()) {
            for (double v : values) {
                Trial t = study.ask();
                t.suggestFloat("x", 0, 10);
                Path file = dir.resolve("model.txt");
                Files.writeString(file, "trial " + t.number());
                Artifacts.upload(t, file, store);
                study.tell(t, v);
            }
        }
    }

    @Test
    void theBestTrialsArtifactsAreCopiedBesideTheOutputsAndReplacedWhenTheBestChanges() throws IOException {
        Path artifacts = dir.resolve("artifacts");
        ArtifactStore store = new FileSystemArtifactStore(artifacts);
        Path out = dir.resolve("out");
        study("A.b", store, 3.0, 1.0, 2.0);
        try (Study plain = Study.builder().name("plain").storage(storage).build()) {
            plain.optimize(t -> t.suggestFloat("x", 0, 1), 2);
        }
        List<BestArtifacts> exported = write(out, artifacts);
        assertEquals(List.of(new BestArtifacts("A.b", List.of(1), false, out.resolve("best/A.b"), 1, null)), exported,
                "studies without artifacts are left out");
        assertEquals("trial 1", Files.readString(out.resolve("best/A.b/model.txt")));
        assertFalse(Files.exists(out.resolve("best/plain")));

        study("A.b", store, 0.5);  // a resumed study finds a new best
        Files.writeString(out.resolve("best/A.b/stale.txt"), "from an earlier best");
        write(out, artifacts);
        assertEquals("trial 3", Files.readString(out.resolve("best/A.b/model.txt")));
        assertFalse(Files.exists(out.resolve("best/A.b/stale.txt")), "the directory holds only the best's files");
    }

    @Test
    void aFileMissingFromTheStoreIsReportedNotFatal() throws IOException {
        Path artifacts = dir.resolve("artifacts");
        study("A.b", new FileSystemArtifactStore(artifacts), 1.0);
        try (var files = Files.list(artifacts)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Path out = dir.resolve("out");
        BestArtifacts best = write(out, artifacts).get(0);
        assertEquals(0, best.files());
        assertTrue(best.problem().startsWith("no artifact ") && best.problem().contains("beside the storage"),
                best.problem());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), "the other outputs are written");
    }

    @Test
    void aMultiObjectiveStudyHandsOnEveryParetoOptimalTrialsFilesInADirectoryEach() throws IOException {
        Path artifacts = dir.resolve("artifacts");
        ArtifactStore store = new FileSystemArtifactStore(artifacts);
        double[][] values = {{1, 2}, {2, 3}, {2, 1}, {3, 5}};  // minimize, maximize: 0, 1 and 3 are on the front
        try (Study study = Study.builder().name("mo").storage(storage)
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE).build()) {
            for (double[] v : values) {
                Trial t = study.ask();
                if (t.number() != 1) {  // trial 1 is on the front but uploaded nothing
                    Artifacts.upload(t, Files.writeString(dir.resolve("m.txt"), "trial " + t.number()), store);
                }
                study.tell(t, v);
            }
        }
        Path out = dir.resolve("out");
        BestArtifacts best = write(out, artifacts).get(0);
        assertEquals(new BestArtifacts("mo", List.of(0, 3), true, out.resolve("best/mo"), 2, null), best);
        assertEquals("trial 0", Files.readString(out.resolve("best/mo/trial-0/m.txt")));
        assertEquals("trial 3", Files.readString(out.resolve("best/mo/trial-3/m.txt")));
        try (var listed = Files.list(out.resolve("best/mo"))) {
            assertEquals(2, listed.count(), "dominated trial 2 and trial 1 without files have no directory");
        }
        assertEquals("mo: the Pareto front's 2 trials' artifacts (2 files) copied to " + out.resolve("best/mo")
                + " (a directory trial-<number> each)", best.describe("store"));
    }

    private List<BestArtifacts> write(Path out, Path artifacts) {
        List<String> names = storage.studies().stream().map(s -> s.name()).toList();
        return ReportOutputs.write(storage, names, out.resolve("best-params.properties"), out.resolve("report.html"),
                out, artifacts.toString());
    }
}
