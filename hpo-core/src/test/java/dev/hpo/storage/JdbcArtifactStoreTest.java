package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactNotFoundException;
import dev.hpo.artifact.Artifacts;
import dev.hpo.artifact.JdbcArtifactStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Artifacts in the study's own database: H2 in memory and a real PostgreSQL server. */
class JdbcArtifactStoreTest {

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    @TempDir
    Path dir;

    private static String url(String database) {
        return database.equals("h2") ? "jdbc:h2:mem:artifacts" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"
                : PostgresServer.freshDatabase();
    }

    private static byte[] read(JdbcArtifactStore store, String id) throws IOException {
        try (InputStream in = store.open(id)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void bytesGoInWholeAndComeOutTheSameUntilReplacedOrRemoved(String database) throws IOException {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        byte[] large = new byte[1 << 20];
        new Random(7).nextBytes(large);
        try (JdbcArtifactStore store = new JdbcArtifactStore(url(database))) {
            store.write("a", new ByteArrayInputStream(every));
            store.write("b", new ByteArrayInputStream(large));
            assertArrayEquals(every, read(store, "a"));
            assertArrayEquals(large, read(store, "b"));
            store.write("a", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            assertArrayEquals(new byte[] {1, 2, 3}, read(store, "a"), "a second write replaces the first");
            store.remove("a");
            ArtifactNotFoundException gone = assertThrows(ArtifactNotFoundException.class, () -> store.open("a"));
            assertTrue(gone.getMessage().startsWith("no artifact a in jdbc:" + database), gone.getMessage());
            assertThrows(ArtifactNotFoundException.class, () -> store.remove("a"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aStudyAndItsArtifactsShareOneDatabase(String database) throws IOException {
        String url = url(database);
        try (JdbcStorage storage = new JdbcStorage(url); JdbcArtifactStore store = new JdbcArtifactStore(url);
                Study study = Study.builder().name("s").storage(storage).build()) {
            for (int i = 0; i < 3; i++) {
                Trial t = study.ask();
                double x = t.suggestFloat("x", 0, 1);
                Artifacts.upload(t, Files.writeString(dir.resolve("model.txt"), "x=" + x), store);
                study.tell(t, x);
            }
            List<Path> files = Artifacts.downloadAll(study.bestTrial(), store, dir.resolve("best"));
            assertEquals("x=" + study.bestParams().get("x"), Files.readString(files.get(0)));
        }
    }
}
