package app.smsdesk.gateway.mobile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits registration attempts per client address (sliding window). Failed attempts are limited tightly, since
 * they are how someone would guess the private token, a password or a code; successful ones only loosely, so that
 * a shop can pair many phones in a row.
 */
final class RegistrationLimiter {
    private final Clock clock;
    private final Duration window;
    private final int maxAttempts;
    private final int maxFailures;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    private static final class Window {
        final Deque<Long> attempts = new ArrayDeque<>();
        final Deque<Long> failures = new ArrayDeque<>();
    }

    RegistrationLimiter(Clock clock, Duration window, int maxAttempts, int maxFailures) {
        this.clock = clock;
        this.window = window;
        this.maxAttempts = maxAttempts;
        this.maxFailures = maxFailures;
    }

    /**
     * Counts an attempt from {@code address}: zero when allowed, else how long until the address may try again
     * (the attempt is then not counted).
     */
    Duration tryAcquire(String address) {
        long now = clock.millis();
        Window w = byAddress.computeIfAbsent(address, a -> new Window());
        synchronized (w) {
            expire(w, now);
            long until = 0;
            if (w.attempts.size() >= maxAttempts) {
                until = w.attempts.peekFirst() + window.toMillis();
            }
            if (w.failures.size() >= maxFailures) {
                until = Math.max(until, w.failures.peekFirst() + window.toMillis());
            }
            if (until > 0) {
                return Duration.ofMillis(Math.max(1, until - now));
            }
            w.attempts.addLast(now);
            return Duration.ZERO;
        }
    }

    /** Records that an attempt from {@code address} failed. */
    void failed(String address) {
        long now = clock.millis();
        Window w = byAddress.computeIfAbsent(address, a -> new Window());
        synchronized (w) {
            w.failures.addLast(now);
        }
    }

    private void expire(Window w, long now) {
        long cutoff = now - window.toMillis();
        while (!w.attempts.isEmpty() && w.attempts.peekFirst() <= cutoff) {
            w.attempts.pollFirst();
        }
        while (!w.failures.isEmpty() && w.failures.peekFirst() <= cutoff) {
            w.failures.pollFirst();
        }
        if (w.attempts.isEmpty() && w.failures.isEmpty() && byAddress.size() > 10_000) {
            byAddress.values().remove(w);
        }
    }
}
