package dev.hpo.storage.journal;

import java.io.File;
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
 * and removed when released. A lock older than the grace period is left by a dead writer (a holder keeps it for
 * microseconds) and is broken. Optuna's other lock, an {@code O_EXCL} regular file of the same name, excludes this
 * one too, since both claim the same name.
 *
 * <p><b>Releasing costs one system call.</b> Optuna releases by renaming the link to a unique
 * {@code .lock<uuid>.rename} name and unlinking that; this class unlinks the link directly. What other processes
 * can observe is the same: the name {@code <journal>.lock} disappears in one atomic step, and of two processes
 * removing it only one succeeds (the other's rename or unlink finds no file). Nobody looks at the {@code .rename}
 * names. {@code java.nio.file.Files} would add an {@code lstat} before each rename and unlink (four extra system
 * calls per cycle), and each metadata call on a busy ext4 disk costs tens of microseconds, so release goes through
 * {@link File#delete()}, which is a bare {@code unlink}. Breaking a stale lock still renames first, as Optuna
 * does: there the rename decides which of several waiters breaks it.
 */
public final class JournalFileLock {

    private static final System.Logger LOG = System.getLogger(JournalFileLock.class.getName());
    private static final long FIRST_WAIT_NANOS = 20_000;
    private static final long MAX_WAIT_NANOS = 1_000_000;

    private final Path journal;
    private final Path lock;
    private final File lockFile;
    private final Duration grace;

    /**
     * @param journal the journal file the lock protects
     * @param grace how old a lock must be to be treated as left by a dead writer (Optuna: 30 s)
     */
    public JournalFileLock(Path journal, Duration grace) {
        this.journal = journal;
        this.lock = journal.resolveSibling(journal.getFileName() + ".lock");
        this.lockFile = lock.toFile();
        this.grace = grace;
    }

    /**
     * Blocks until this process holds the lock. The caller's interrupt status is set aside while it waits (and
     * restored after): with it set, every park would return at once and the wait would spin.
     */
    public void acquire() {
        boolean interrupted = Thread.interrupted();
        long wait = FIRST_WAIT_NANOS;
        long waited = 0;
        try {
            while (true) {
                try {
                    Files.createSymbolicLink(lock, journal);
                    return;
                } catch (FileAlreadyExistsException held) {
                    if (waited > grace.toNanos() / 4) {
                        breakIfStale();
                    }
                    LockSupport.parkNanos(wait);
                    interrupted |= Thread.interrupted();
                    waited += wait;
                    wait = Math.min(wait * 2, MAX_WAIT_NANOS);
                } catch (IOException e) {
                    throw new JournalIoException("cannot create the lock " + lock + " of journal " + journal, e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Releases the lock this process holds. */
    public void release() {
        if (!lockFile.delete()) {
            String why = Files.exists(lock, LinkOption.NOFOLLOW_LINKS) ? " (it exists but cannot be removed: check"
                    + " the permissions of " + lock.getParent() + ")" : " (it is gone: was it broken by another process"
                    + " after the grace period of " + grace + "?)";
            throw new JournalIoException("cannot release the lock " + lock + " of journal " + journal + why);
        }
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

}
