package dev.hpo.storage.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's lock: Optuna's {@code <journal>.lock} symlink, taken and released without leftovers. */
class JournalFileLockTest {

    @TempDir
    Path dir;

    @Test
    void heldLockIsASymlinkToTheJournalAndReleaseLeavesNothingBehind() throws IOException {
        Path journal = Files.createFile(dir.resolve("j.log"));
        Path lockFile = dir.resolve("j.log.lock");
        JournalFileLock lock = new JournalFileLock(journal, Duration.ofSeconds(30));
        lock.acquire();
        assertTrue(Files.isSymbolicLink(lockFile));
        assertTrue(Files.readSymbolicLink(lockFile).endsWith("j.log"));
        lock.release();
        assertFalse(Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("j.log"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void releasingALockThatIsGoneNamesTheLockAndTheGracePeriod() throws IOException {
        Path journal = Files.createFile(dir.resolve("gone.log"));
        JournalFileLock lock = new JournalFileLock(journal, Duration.ofSeconds(30));
        lock.acquire();
        Files.delete(dir.resolve("gone.log.lock"));
        JournalIoException e = assertThrows(JournalIoException.class, lock::release);
        assertTrue(e.getMessage().contains("gone.log.lock") && e.getMessage().contains("PT30S"), e.getMessage());
    }

    @Test
    void lockLeftByADeadWriterIsBrokenAfterTheGracePeriod() throws IOException {
        Path journal = Files.createFile(dir.resolve("dead.log"));
        Files.createSymbolicLink(dir.resolve("dead.log.lock"), journal);
        JournalFileLock lock = new JournalFileLock(journal, Duration.ofMillis(200));
        lock.acquire();
        lock.release();
        assertFalse(Files.exists(dir.resolve("dead.log.lock"), LinkOption.NOFOLLOW_LINKS));
    }
}
