package dev.hpo.storage.journal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The inter-process lock of Optuna's journal file, so that Java and Python writers exclude each other: a symbolic
 * link {@code <journal>.lock} pointing at the journal, created atomically ({@code symlink} fails when it exists)
 * and removed by renaming it to a unique name and unlinking that. A lock older than the grace period is left by a
 * dead writer (a holder keeps it for microseconds) and is broken. Optuna's other lock, an {@code O_EXCL} regular
 * file of the same name, excludes this one too, since both claim the same name.
 */
public final class JournalFileLock {

    private static final System.Logger LOG = System.getLogger(JournalFileLock.class.getName());
    private static final long FIRST_WAIT_NANOS = 20_000;
    private static final long MAX_WAIT_NANOS = 5_000_000;

    private final Path journal;
    private final Path lock;
    private final Duration grace;

    /**
     * @param journal the journal file the lock protects
     * @param grace how old a lock must be to be treated as left by a dead writer (Optuna: 30 s)
     */
    public JournalFileLock(Path journal, Duration grace) {
        this.journal = journal;
        this.lock = journal.resolveSibling(journal.getFileName() + ".lock");
        this.grace = grace;
    }

    /** Blocks until this process holds the lock. */
    public void acquire() {
        long wait = FIRST_WAIT_NANOS;
        long waited = 0;
        while (true) {
            try {
                Files.createSymbolicLink(lock, journal);
                return;
            } catch (FileAlreadyExistsException held) {
                if (waited > grace.toNanos() / 4) {
                    breakIfStale();
                }
                LockSupport.parkNanos(wait);
                waited += wait;
                wait = Math.min(wait * 2, MAX_WAIT_NANOS);
            } catch (IOException e) {
                throw new JournalIoException("cannot create the lock " + lock + " of journal " + journal, e);
            }
        }
    }

    /** Releases the lock this process holds. */
    public void release() {
        remove("cannot release the lock " + lock + " of journal " + journal + " (was it broken by another process"
                + " after the grace period of " + grace + "?)");
    }

    private void breakIfStale() {
        Instant modified;
        try {
            modified = Files.getLastModifiedTime(lock, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (NoSuchFileException released) {
            return;
        } catch (IOException e) {
            throw new JournalIoException("cannot read the age of the lock " + lock, e);
        }
        if (modified.plus(grace).isBefore(Instant.now())) {
            LOG.log(System.Logger.Level.WARNING, "breaking the lock {0}, held since {1}, longer than the grace period {2}",
                    lock, modified, grace);
            Path renamed = renamedLock();
            try {
                Files.move(lock, renamed);
                Files.delete(renamed);
            } catch (NoSuchFileException removedMeanwhile) {
                return; // its holder released it, or another waiter broke it first: just try again
            } catch (IOException e) {
                throw new JournalIoException("cannot break the stale lock " + lock, e);
            }
        }
    }

    private Path renamedLock() {
        return lock.resolveSibling(lock.getFileName() + UUID.randomUUID().toString() + ".rename");
    }

    private void remove(String failure) {
        Path renamed = renamedLock();
        try {
            Files.move(lock, renamed);
            Files.delete(renamed);
        } catch (IOException e) {
            throw new JournalIoException(failure, e);
        }
    }
}
