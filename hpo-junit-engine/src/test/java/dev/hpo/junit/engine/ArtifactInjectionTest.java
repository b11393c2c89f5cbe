package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.FrozenTrial;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.Artifacts;
import dev.hpo.junit.engine.fixtures.Artifacted;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An objective that takes an {@code ArtifactStore} gets the run's store. */
class ArtifactInjectionTest {

    @TempDir
    Path dir;

    @Test
    void studyTrialsUploadIntoTheConfiguredDirectory() throws IOException {
        Storage storage = new InMemoryStorage();
        Path artifacts = dir.resolve("artifacts");
        study(storage).selectors(selectClass(Artifacted.class))
                .configurationParameter("hpo.artifacts", artifacts.toString()).execute()
                .testEvents().assertStatistics(s -> s.succeeded(4).failed(0));
        List<FrozenTrial> trials = storage.trials(storage.findStudy("Artifacted.fit").orElseThrow());
        assertEquals(3, trials.size());
        for (FrozenTrial t : trials) {
            ArtifactMeta meta = Artifacts.list(t).get(0);
            assertEquals("model.txt", meta.filename());
            assertEquals("x=" + t.params().get("x"), Files.readString(artifacts.resolve(meta.artifactId())));
        }
    }

    @Test
    void aSmokeRunUploadsIntoAStoreOfItsOwnThatIsGoneAfterwards() {
        hpo().selectors(selectClass(Artifacted.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertFalse(Files.exists(Artifacted.lastStore), Artifacted.lastStore + " was deleted");
    }
}
