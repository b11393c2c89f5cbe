package dev.hpo.storage.jdbc;

import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes of running trials that wait in memory to go out with the next request of the storage (see
 * {@link dev.hpo.storage.JdbcStorage}), and what the storage must know to check them when they are made rather than
 * when they are sent: the trials it created and has not finished, with the distributions of their parameters. Not
 * thread safe; the storage locks.
 *
 * <p>Each write is one idempotent statement that touches only a trial that is still unfinished when it runs, so that
 * sending it twice (a retried request) or late (after another worker finished the trial) is harmless.
 */
public final class PendingWrites {

    /** One statement and its arguments. */
    public record Write(String sql, Object[] args) {
    }

    private final List<Write> writes = new ArrayList<>();
    private final Map<Long, Map<String, Distribution>> running = new HashMap<>();
    private long oldestNanos;

    /** Starts tracking a trial this storage just created: RUNNING, without parameters. */
    public void created(long trialId) {
        running.put(trialId, new LinkedHashMap<>());
    }

    /** Stops tracking a trial this storage finished (or found finished). */
    public void finished(long trialId) {
        running.remove(trialId);
    }

    /** True for a trial this storage created and has not finished: its writes may wait. */
    public boolean owns(long trialId) {
        return running.containsKey(trialId);
    }

    /** The distributions of the parameters this storage gave a trial it {@linkplain #owns owns}. */
    public Map<String, Distribution> params(long trialId) {
        return running.get(trialId);
    }

    /** Queues a write; returns true when it is the first one waiting (the caller then arms its timer). */
    public boolean add(String sql, Object... args) {
        boolean first = writes.isEmpty();
        if (first) {
            oldestNanos = System.nanoTime();
        }
        writes.add(new Write(sql, args));
        return first;
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    /** When the oldest waiting write was made ({@link System#nanoTime()}). */
    public long oldestNanos() {
        return oldestNanos;
    }

    /** The waiting statements, separated by semicolons, for one request. */
    public String sql() {
        StringBuilder sql = new StringBuilder();
        for (Write w : writes) {
            sql.append(sql.length() == 0 ? "" : "; ").append(w.sql());
        }
        return sql.toString();
    }

    /** The arguments of {@link #sql()}, in order. */
    public List<Object> args() {
        List<Object> out = new ArrayList<>();
        for (Write w : writes) {
            out.addAll(java.util.Arrays.asList(w.args()));
        }
        return out;
    }

    public int size() {
        return writes.size();
    }

    /** Forgets the waiting writes once a committed request carried them. */
    public void sent() {
        writes.clear();
    }
}
