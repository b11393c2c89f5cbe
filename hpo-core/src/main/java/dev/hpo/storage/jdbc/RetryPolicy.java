package dev.hpo.storage.jdbc;

import java.time.Duration;

/**
 * How often the JDBC storage tries a transaction that failed for a lost connection or a conflict, and how long it
 * waits between tries (doubling each time). The default, 5 attempts from 100 ms, rides out a restarted connection
 * or a failover of a few seconds and reports a server that is gone within about 1.5 s.
 *
 * @param attempts tries in all, at least 1
 * @param firstBackoff the wait after the first failure
 */
public record RetryPolicy(int attempts, Duration firstBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (firstBackoff == null || firstBackoff.isNegative()) {
            throw new IllegalArgumentException("firstBackoff must be zero or positive, got " + firstBackoff);
        }
    }

    /** The wait after failed attempt {@code attempt} (from 1). */
    public Duration backoff(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
