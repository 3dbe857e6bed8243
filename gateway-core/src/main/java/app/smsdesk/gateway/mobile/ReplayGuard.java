package app.smsdesk.gateway.mobile;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signatures of accepted webhook deliveries for as long as their timestamp is fresh, so a captured
 * request cannot be sent again. Only verified signatures are kept (a forger cannot fill it), and entries go once
 * their timestamp has gone stale, when the freshness check refuses the request anyway.
 */
final class ReplayGuard {
    /** More than any phone sends within the freshness window; beyond it, stale entries are swept first. */
    static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Duration window;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    ReplayGuard(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** True the first time a signature is seen; {@code timestamp} is its X-Timestamp (Unix seconds). */
    boolean firstTime(String signature, long timestamp) {
        long expires = timestamp + window.toSeconds() + 1;
        if (seen.size() >= MAX_ENTRIES) {
            long now = clock.instant().getEpochSecond();
            seen.values().removeIf(until -> until < now);
        }
        return seen.putIfAbsent(signature, expires) == null;
    }
}
