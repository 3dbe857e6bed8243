package app.smsdesk.gateway.service;

import app.smsdesk.gateway.domain.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a flood of failures from clients out of the event log: per module and client (an IPv6 client by its
 * /64, which it could otherwise rotate through) up to {@link #BURST} entries, then one per {@link #REFILL}; and
 * per module from all clients together up to {@link #BURST_ALL}, then one per {@link #REFILL_ALL}, so that many
 * addresses cannot multiply the allowance. What was left out is counted and reported with the next entry that
 * gets in. Without it a stream of bad tokens would add a row per request until the disk is full.
 */
final class LogFloodGuard {
    static final int BURST = 20;
    static final Duration REFILL = Duration.ofSeconds(3);
    static final int BURST_ALL = 200;
    static final Duration REFILL_ALL = Duration.ofMillis(600);
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
    long admit(String module, String clientAddress) {
        long mine = admit(module + " " + ClientAddress.group(clientAddress), BURST, REFILL.toMillis());
        if (mine < 0) {
            return -1;
        }
        long all = admit(module + " *", BURST_ALL, REFILL_ALL.toMillis());
        return all < 0 ? -1 : Math.max(mine, all);
    }

    private long admit(String key, int burst, long refill) {
        long now = clock.millis();
        long full = burst * refill;
        if (buckets.size() >= MAX_KEYS) {
            buckets.values().removeIf(b -> b.leftOut() == 0 && b.credit() + (now - b.at()) >= full);
        }
        long[] result = new long[1];
        buckets.compute(key, (k, b) -> {
            long credit = b == null ? full : Math.min(full, b.credit() + Math.max(0, now - b.at()));
            long leftOut = b == null ? 0 : b.leftOut();
            if (credit < refill) {
                result[0] = -1;
                return new Bucket(credit, now, leftOut + 1);
            }
            result[0] = leftOut;
            return new Bucket(credit - refill, now, 0);
        });
        return result[0];
    }
}
