package app.smsdesk.gateway.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of failures from one client out of the event log: per key (module and client address) up to
 * {@link #BURST} entries, then one per {@link #REFILL}; what was left out is counted and reported with the next
 * entry that gets in. Without it a stream of bad tokens would add a row per request until the disk is full.
 */
final class LogFloodGuard {
    static final int BURST = 20;
    static final Duration REFILL = Duration.ofSeconds(3);
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Entries left, in milliseconds of refill (an entry costs {@link #REFILL}), and entries left out since. */
    private record Bucket(long credit, long at, long leftOut) {
    }

    LogFloodGuard(Clock clock) {
        this.clock = clock;
    }

    /** -1 when the entry must be left out, else how many were left out before it. */
    long admit(String key) {
        long now = clock.millis();
        long full = BURST * REFILL.toMillis();
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.leftOut() == 0 && b.credit() + (now - b.at()) >= full);
        }
        long[] result = new long[1];
        buckets.compute(key, (k, b) -> {
            long credit = b == null ? full : Math.min(full, b.credit() + Math.max(0, now - b.at()));
            long leftOut = b == null ? 0 : b.leftOut();
            if (credit < REFILL.toMillis()) {
                result[0] = -1;
                return new Bucket(credit, now, leftOut + 1);
            }
            result[0] = leftOut;
            return new Bucket(credit - REFILL.toMillis(), now, 0);
        });
        return result[0];
    }
}
