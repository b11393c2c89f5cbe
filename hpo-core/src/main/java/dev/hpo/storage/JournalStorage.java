package dev.hpo.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import dev.hpo.storage.journal.JournalFile;
import dev.hpo.storage.journal.JournalJson;
import dev.hpo.storage.journal.JournalLines;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Studies in an append-only file in Optuna's journal format ({@code journal:<path>}), the embedded default: Optuna
 * and optuna-dashboard open studies hpo wrote, hpo opens studies Optuna wrote, and Java and Python processes can
 * work on one study in one file at once. The file is the whole database; this class keeps the replay of it in
 * memory and parses only the bytes added since its last read.
 *
 * <h2>Writing</h2>
 * A write takes the file's inter-process lock (Optuna's {@code <file>.lock} symlink), reads what other processes
 * appended, checks the operation against that up-to-date state (so a duplicate study name or a lost race for an
 * enqueued trial is found before anything is written), appends, and replays its own lines from memory (under the
 * lock the file is exactly what was read plus them, so reading them back would give the same bytes): the trial id
 * of a new trial is the one replay gives it, as in Optuna.
 *
 * <p>Two choices keep the cost per trial far below Optuna's 7-8 ms (figures in
 * {@code hpo-bench/results/storage-journal.md}):
 * <ul>
 *   <li><b>Batching.</b> Lines that only add to a running trial (parameters, intermediate values, trial
 *       attributes) wait in memory and go out with the next write of any kind, before any read of this storage
 *       (reads see their own writes), or after {@link #FLUSH_DELAY} at the latest. A random-sampler trial thus
 *       costs two lock cycles (create, finish) instead of one per line; a cycle is two system calls (see
 *       {@link dev.hpo.storage.journal.JournalFileLock}). If the process dies, only lines of
 *       trials that had not finished are lost, and those trials end up FAIL anyway.</li>
 *   <li><b>fsync where durability matters.</b> Lines that create or delete a study, set study attributes,
 *       enqueue or add a trial, or change a trial's state are forced to disk; the others are not. When
 *       {@code tell} returns, its lines are in the file, visible to every process and safe from a crash of
 *       this JVM (kill -9). {@link Durability#ASYNC} (the default) forces them from a background thread, at
 *       most every {@link #SYNC_INTERVAL}, so a power failure can lose the trials of the last 50 milliseconds or
 *       so; {@link Durability#SYNC} makes the write wait for the fsync (1-3 ms on a typical disk) and loses
 *       nothing that was told.</li>
 * </ul>
 *
 * <p>Reading stays proportional to what changed: only bytes appended since the last read are parsed, and the
 * replay keeps the unfinished trials of each study apart, so that {@code ask}'s look for WAITING trials does not
 * grow with the study. Opening starts from the snapshot of an earlier replay kept beside the file when it still
 * matches the file's first bytes ({@code <file>.snapshot}, written at close after a thousand lines or more), so a
 * process that opens a long journal parses only what was appended after that snapshot.
 *
 * <h2>Heartbeats</h2>
 * Optuna's journal has no heartbeat. This storage records one as the trial system attribute
 * {@value #HEARTBEAT_ATTR} (an ISO-8601 time) with an ordinary {@code SET_TRIAL_SYSTEM_ATTR} line, which Optuna
 * reads as one more attribute. It costs one line (about 150 bytes) per heartbeat interval per running trial: with
 * the intervals worth using (tens of seconds) that is little next to the trial's own lines.
 */
public final class JournalStorage implements Storage {

    /** How long lines of a running trial may wait in memory before they are written. */
    public static final Duration FLUSH_DELAY = Duration.ofMillis(100);
    /**
     * With {@link Durability#ASYNC}, the shortest time between two background fsyncs. On file systems where an
     * fsync holds the file's inode lock while it writes, an append waits for it; forcing at most this often keeps
     * that wait off nearly every trial, and a power failure loses at most this much more of the last trials.
     */
    public static final Duration SYNC_INTERVAL = Duration.ofMillis(50);
    /** Trial system attribute holding the last heartbeat of the worker running the trial. */
    public static final String HEARTBEAT_ATTR = "hpo:heartbeat";
    /** Age at which a lock is taken to be left by a dead writer (Optuna's grace period). */
    public static final Duration LOCK_GRACE = Duration.ofSeconds(30);

    /** When a state change reaches the disk, not only the file (see the class comment). */
    public enum Durability {
        /** A background thread forces state changes to disk right after they are written (the default). */
        ASYNC,
        /** Every state change waits for its fsync. */
        SYNC
    }

    private final JournalFile file;
    private final JournalReplay replay;
    private final Durability durability;
    private final Clock clock;
    private final String workerPrefix = UUID.randomUUID() + "-";
    private final ReentrantLock mutex = new ReentrantLock();
    private final Condition wake = mutex.newCondition();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream outgoing = new ByteArrayOutputStream();
    /** The trees of the lines in {@link #pending} and {@link #outgoing}, in the same order. */
    private final List<ObjectNode> pendingLines = new ArrayList<>();
    private final JournalJson.LineEncoder encoder = new JournalJson.LineEncoder();
    private final List<ObjectNode> outgoingLines = new ArrayList<>();
    private final Thread syncer;
    private long pendingSince;
    private boolean unsynced;
    /** When the background thread started its last fsync ({@link System#nanoTime}); written under the mutex. */
    private long lastForce = System.nanoTime() - SYNC_INTERVAL.toNanos();
    /** Whether the background thread is waiting, and until when: it needs a signal only for an earlier deadline. */
    private boolean syncWaiting;
    private long syncWakeAt;
    private boolean closed;
    private RuntimeException syncFailure;
    /** Lines covered by the snapshot this storage started from (0 without one). */
    private final long linesAtOpen;

    /** Opens (or creates) the journal at {@code path} with {@link Durability#ASYNC}. */
    public JournalStorage(Path path) {
        this(path, Durability.ASYNC);
    }

    public JournalStorage(Path path, Durability durability) {
        this(path, durability, LOCK_GRACE, Clock.systemUTC());
    }

    /**
     * A journal with every option.
     *
     * @param lockGrace how old the {@code .lock} must be before it is taken for a dead writer's and broken; all
     *        processes sharing the file should use the same ({@link #LOCK_GRACE}, Optuna's, unless all are hpo)
     * @param clock where timestamps come from (tests)
     */
    public JournalStorage(Path path, Durability durability, Duration lockGrace, Clock clock) {
        if (lockGrace.isNegative() || lockGrace.isZero()) {
            throw new IllegalArgumentException("lock grace period must be positive, got " + lockGrace);
        }
        this.file = new JournalFile(path, lockGrace);
        JournalReplay fromSnapshot = JournalSnapshot.load(file);
        this.replay = fromSnapshot != null ? fromSnapshot : new JournalReplay(file.path().toString());
        this.linesAtOpen = file.linesRead();
        this.durability = durability;
        this.clock = clock;
        try {
            file.readNew(replay);
            file.checkTail();
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
        if (file.linesRead() == 0) {
            WarmUp.once();
        }
        this.syncer = new Thread(this::syncLoop, "hpo-journal-sync-" + file.path().getFileName());
        syncer.setDaemon(true);
        syncer.start();
    }

    /**
     * Encodes a study-creation line and replays it into a scratch replay, once per JVM, before a new journal's
     * first write: that write holds the file's inter-process lock, and in a JVM that has not yet run Jackson or the
     * replay, loading and initializing their classes under it kept other processes waiting about 0.3 s. A journal
     * that already has lines parsed them in the constructor, which warms the same code outside the lock.
     */
    private static final class WarmUp {
        static {
            ObjectNode line = JournalLines.createStudy("warm-up", "warm-up", List.of(Direction.MINIMIZE));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JournalJson.LineEncoder().append(line, out);
            byte[] bytes = out.toByteArray();
            new JournalReplay("warm-up").accept(bytes, 0, bytes.length, 1, true);
        }

        static void once() {
            // the class initializer above runs at the first call, once per JVM
        }
    }

    /** The journal file. */
    public Path path() {
        return file.path();
    }

    /** How many of the journal's lines this storage took from a snapshot instead of parsing them (tests). */
    long linesFromSnapshot() {
        return linesAtOpen;
    }

    /** This process's id for the thread that writes, as Optuna's worker ids are; kept so a line does not build it. */
    private final ThreadLocal<String> workerIds = ThreadLocal.withInitial(
            () -> workerPrefix + Thread.currentThread().getId());

    private String workerId() {
        return workerIds.get();
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /** A write checked against the state after catching up, under both locks; it stages lines with {@link #stage}. */
    private interface LockedWrite<T> {
        T run();
    }

    private <T> T write(boolean durable, LockedWrite<T> body) {
        mutex.lock();
        try {
            checkOpen();
            T result;
            file.lock();
            try {
                file.readNew(replay);
                outgoing.reset();
                outgoingLines.clear();
                result = body.run();
                if (pending.size() > 0 || outgoing.size() > 0) {
                    pending.write(outgoing.toByteArray(), 0, outgoing.size());
                    pendingLines.addAll(outgoingLines);
                    file.append(pendingBytes(), pending.size(), ownLines(pendingLines));
                    pending.reset();
                    pendingLines.clear();
                }
            } finally {
                outgoing.reset();
                outgoingLines.clear();
                file.unlock();
            }
            if (durable) {
                if (durability == Durability.SYNC) {
                    file.force();
                } else {
                    unsynced = true;
                    wakeSyncBy(lastForce + SYNC_INTERVAL.toNanos());
                }
            }
            return result;
        } finally {
            mutex.unlock();
        }
    }

    private byte[] pendingBytes() {
        return pending.toByteArray();
    }

    private void stage(ObjectNode line) {
        encoder.append(line, outgoing);
        outgoing.write('\n');
        outgoingLines.add(line);
    }

    /**
     * Hands this storage's appended lines to the replay as the trees they were written from: parsing the bytes back
     * gives equal trees (see {@link JournalJson#toJson}), so it would only cost a JSON parse per line, most of what
     * a trial spends in a JVM that has not compiled the parser yet.
     */
    private JournalFile.LineConsumer ownLines(List<ObjectNode> lines) {
        Iterator<ObjectNode> next = lines.iterator();
        return (bytes, offset, length, lineNumber, last) -> replay.accept(next.next(), bytes, offset, length,
                lineNumber);
    }

    /**
     * Queues a line of a running trial to go out with the next write, checked against the state as of this
     * storage's last read. It does not read the file first: the line waits in memory and is appended later
     * without a second check anyway, so catching up here would cost a size check of the file per line and prove
     * nothing more. If another process finished the trial meanwhile, the replay ignores the line (as it ignores any
     * change to a finished trial), and this worker learns it at its next write, at the latest the trial's {@code
     * tell}, which then fails.
     */
    private void defer(long trialId, ObjectNode line, Check check) {
        mutex.lock();
        try {
            checkOpen();
            TrialRecord t = replay.trial(trialId);
            t.checkUpdatable();
            check.run(t);
            if (pending.size() == 0) {
                pendingSince = System.nanoTime();
                wakeSyncBy(pendingSince + FLUSH_DELAY.toNanos());
            }
            encoder.append(line, pending);
            pending.write('\n');
            pendingLines.add(line);
        } finally {
            mutex.unlock();
        }
    }

    private interface Check {
        void run(TrialRecord trial);
    }

    @Override
    public long createStudy(String name, List<Direction> directions) {
        return write(true, () -> {
            if (replay.findStudy(name) != null) {
                throw new DuplicateStudyException(name);
            }
            long id = replay.nextStudyId();
            stage(JournalLines.createStudy(workerId(), name, directions));
            return id;
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        write(true, () -> {
            replay.study(studyId);
            stage(JournalLines.deleteStudy(workerId(), studyId));
            return null;
        });
    }

    @Override
    public void setStudyUserAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, true, key, value);
    }

    @Override
    public void setStudySystemAttr(long studyId, String key, Object value) {
        setStudyAttr(studyId, false, key, value);
    }

    private void setStudyAttr(long studyId, boolean user, String key, Object value) {
        write(true, () -> {
            replay.study(studyId);
            stage(JournalLines.setStudyAttr(workerId(), studyId, user, key, value));
            return null;
        });
    }

    @Override
    public long createTrial(long studyId, FrozenTrial template) {
        long id = write(template != null, () -> {
            replay.study(studyId);
            long next = replay.nextTrialId();
            Instant now = clock.instant();
            stage(template == null ? JournalLines.createTrial(workerId(), studyId, now)
                    : JournalLines.createTrial(workerId(), studyId, template, now));
            return next;
        });
        return id;
    }

    /** The new trial comes from the replay of the line that created it, without a second look at the file. */
    @Override
    public FrozenTrial createRunningTrial(long studyId) {
        mutex.lock();
        try {
            return replay.trial(createTrial(studyId, null)).freeze();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public void setTrialParam(long trialId, String name, double internalValue, Distribution distribution) {
        defer(trialId, JournalLines.setParam(workerId(), trialId, name, internalValue, distribution), t -> {
            if (!distribution.contains(internalValue)) {
                throw new IllegalArgumentException("value " + internalValue + " of parameter '" + name
                        + "' is outside " + distribution);
            }
            String problem = replay.compatibilityProblem(t, name, distribution);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        });
    }

    @Override
    public boolean setTrialState(long trialId, TrialState state, List<Double> values) {
        return write(true, () -> {
            TrialRecord t = replay.trial(trialId);
            if (state == TrialState.RUNNING && t.state != TrialState.WAITING) {
                return false;  // taken by another worker, perhaps finished already
            }
            t.checkUpdatable();
            stage(JournalLines.setState(workerId(), trialId, state, values, clock.instant()));
            return true;
        });
    }

    @Override
    public void setTrialIntermediateValue(long trialId, int step, double value) {
        defer(trialId, JournalLines.setIntermediateValue(workerId(), trialId, step, value), t -> { });
    }

    @Override
    public void setTrialUserAttr(long trialId, String key, Object value) {
        defer(trialId, JournalLines.setTrialAttr(workerId(), trialId, true, key, value), t -> { });
    }

    @Override
    public void setTrialSystemAttr(long trialId, String key, Object value) {
        defer(trialId, JournalLines.setTrialAttr(workerId(), trialId, false, key, value), t -> { });
    }

    /** Writes the heartbeat at once (other processes judge staleness by it); a finished trial needs none. */
    @Override
    public void recordHeartbeat(long trialId) {
        write(false, () -> {
            TrialRecord t = replay.trial(trialId);
            if (!t.state.isFinished()) {
                stage(JournalLines.setTrialAttr(workerId(), trialId, false, HEARTBEAT_ATTR,
                        JournalJson.timestamp(clock.instant())));
            }
            return null;
        });
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** Brings the replay up to date: this storage's waiting lines go out, other processes' lines come in. */
    private void sync() {
        if (pending.size() > 0) {
            write(false, () -> null);
        } else {
            checkOpen();
            file.readNew(replay);
        }
    }

    @Override
    public Optional<Long> findStudy(String name) {
        mutex.lock();
        try {
            sync();
            JournalReplay.StudyState s = replay.findStudy(name);
            return s == null ? Optional.empty() : Optional.of(s.id);
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public StudyInfo study(long studyId) {
        mutex.lock();
        try {
            sync();
            return replay.study(studyId).info();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public List<StudyInfo> studies() {
        mutex.lock();
        try {
            sync();
            return replay.studies();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * A trial this storage already knows as finished is answered without catching up: the replay ignores every line
     * that would change a finished trial, so reading on could not change the answer ({@code Study.tell} reads the
     * trial it just finished).
     */
    @Override
    public FrozenTrial trial(long trialId) {
        mutex.lock();
        try {
            checkOpen();
            if (trialId >= 0 && trialId < replay.nextTrialId()) {
                TrialRecord known = replay.trial(trialId);
                if (known.state.isFinished()) {
                    return known.freeze();
                }
            }
            sync();
            return replay.trial(trialId).freeze();
        } finally {
            mutex.unlock();
        }
    }

    @Override
    public List<FrozenTrial> trials(long studyId) {
        mutex.lock();
        try {
            sync();
            return replay.trials(studyId);
        } finally {
            mutex.unlock();
        }
    }

    /** Reads only the index of unfinished trials when only WAITING or RUNNING ones are asked for. */
    @Override
    public List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        mutex.lock();
        try {
            sync();
            return replay.trials(studyId, states);
        } finally {
            mutex.unlock();
        }
    }

    /** RUNNING trials whose {@value #HEARTBEAT_ATTR} is older than {@code grace}; trials without one never are. */
    @Override
    public List<Long> staleTrials(long studyId, Duration grace) {
        mutex.lock();
        try {
            sync();
            Instant limit = clock.instant().minus(grace);
            List<Long> out = new ArrayList<>();
            for (TrialRecord t : replay.study(studyId).trials.records()) {
                Object beat = t.systemAttrs.get(HEARTBEAT_ATTR);
                if (t.state == TrialState.RUNNING && beat instanceof String s && heartbeat(t, s).isBefore(limit)) {
                    out.add(t.id);
                }
            }
            return out;
        } finally {
            mutex.unlock();
        }
    }

    private Instant heartbeat(TrialRecord t, String text) {
        try {
            return JournalJson.instant(JournalJson.MAPPER.getNodeFactory().textNode(text));
        } catch (DateTimeParseException e) {
            throw new StorageException("trial " + t.number + " in journal " + file + " has a " + HEARTBEAT_ATTR
                    + " that is not a time: '" + text + "'", e);
        }
    }

    // ---- background flush and fsync, closing ---------------------------------------------------------------

    private void syncLoop() {
        while (true) {
            boolean force;
            mutex.lock();
            try {
                while (!closed && !syncDue() && !pendingDue()) {
                    long now = System.nanoTime();
                    long wakeAt = now + TimeUnit.SECONDS.toNanos(1);
                    if (pending.size() > 0) {
                        wakeAt = pendingSince + FLUSH_DELAY.toNanos();
                    }
                    if (unsynced && lastForce + SYNC_INTERVAL.toNanos() - wakeAt < 0) {
                        wakeAt = lastForce + SYNC_INTERVAL.toNanos();
                    }
                    syncWaiting = true;
                    syncWakeAt = wakeAt;
                    try {
                        wake.awaitNanos(Math.max(wakeAt - now, 1));
                    } finally {
                        syncWaiting = false;
                    }
                }
                if (closed) {
                    return;
                }
                if (pendingDue()) {
                    write(false, () -> null);
                }
                force = syncDue();
                if (force) {
                    unsynced = false;
                    lastForce = System.nanoTime();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                syncFailure = e;
                return;
            } finally {
                mutex.unlock();
            }
            if (force) {
                try {
                    file.force();
                } catch (RuntimeException e) {
                    mutex.lock();
                    try {
                        syncFailure = e;
                    } finally {
                        mutex.unlock();
                    }
                    return;
                }
            }
        }
    }

    /**
     * Wakes the background thread if it sleeps past {@code deadline}. A trial's lines would otherwise wake it twice
     * per trial only for it to go back to sleep, and on two cores each of those wake-ups costs the trial thread.
     * When it is awake it checks the state under the mutex before it sleeps again, so nothing is missed.
     */
    private void wakeSyncBy(long deadline) {
        if (syncWaiting && deadline - syncWakeAt < 0) {
            wake.signalAll();
        }
    }

    /** Unsynced lines, and the last fsync started at least {@link #SYNC_INTERVAL} ago. */
    private boolean syncDue() {
        return unsynced && System.nanoTime() - lastForce >= SYNC_INTERVAL.toNanos();
    }

    private boolean pendingDue() {
        return pending.size() > 0 && System.nanoTime() - pendingSince >= FLUSH_DELAY.toNanos();
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("journal " + file + " is closed");
        }
        if (syncFailure != null) {
            throw new StorageException("journal " + file + " failed in the background: " + syncFailure.getMessage(),
                    syncFailure);
        }
    }

    /** Writes waiting lines, forces everything to disk and closes the file. */
    @Override
    public void close() {
        mutex.lock();
        try {
            if (closed) {
                return;
            }
            if (syncFailure == null && pending.size() > 0) {
                write(false, () -> null);
            }
            closed = true;
            wake.signalAll();
        } finally {
            mutex.unlock();
        }
        boolean interrupted = false;
        while (syncer.isAlive()) {  // the syncer must be done before the last force and the snapshot
            try {
                syncer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            if (unsynced) {
                file.force();
            }
            if (syncFailure == null && file.linesRead() - linesAtOpen >= JournalSnapshot.MIN_NEW_LINES) {
                mutex.lock(); // a reader still holding this storage must not move the replay while it is saved
                try {
                    JournalSnapshot.save(file, replay);
                } finally {
                    mutex.unlock();
                }
            }
        } finally {
            file.close();
        }
    }

    @Override
    public String toString() {
        return "journal:" + file.path();
    }
}
