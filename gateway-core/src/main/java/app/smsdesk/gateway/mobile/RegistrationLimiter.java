package app.smsdesk.gateway.mobile;

import app.smsdesk.gateway.domain.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits registration attempts per client address (sliding window); IPv6 clients count per /64, the block one host
 * can rotate through (audit F17). Failed attempts are limited tightly, since they are how someone would guess the
 * private token, a password or a code; successful ones only loosely, so that a shop can pair many phones in a row.
 * A global failure budget caps guesses from many addresses at once: once it is spent, every attempt waits until
 * the window has room again (pairing a phone during such a flood waits too; the event log says why).
 */
final class RegistrationLimiter {
    private final Clock clock;
    private final Duration window;
    private final int maxAttempts;
    private final int maxFailures;
    private final int maxGlobalFailures;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final Deque<Long> globalFailures = new ArrayDeque<>();

    private static final class Window {
        final Deque<Long> attempts = new ArrayDeque<>();
        final Deque<Long> failures = new ArrayDeque<>();
    }

    RegistrationLimiter(Clock clock, Duration window, int maxAttempts, int maxFailures, int maxGlobalFailures) {
        this.clock = clock;
        this.window = window;
        this.maxAttempts = maxAttempts;
        this.maxFailures = maxFailures;
        this.maxGlobalFailures = maxGlobalFailures;
    }

    /**
     * Counts an attempt from {@code address}: zero when allowed, else how long until the address may try again
     * (the attempt is then not counted).
     */
    Duration tryAcquire(String address) {
        long now = clock.millis();
        long globalUntil = globalFailuresUntil(now);
        if (globalUntil > 0) {
            return Duration.ofMillis(Math.max(1, globalUntil - now));
        }
        Window w = byAddress.computeIfAbsent(ClientAddress.group(address), a -> new Window());
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
        Window w = byAddress.computeIfAbsent(ClientAddress.group(address), a -> new Window());
        synchronized (w) {
            w.failures.addLast(now);
        }
        synchronized (globalFailures) {
            globalFailures.addLast(now);
            while (globalFailures.size() > maxGlobalFailures) {
                globalFailures.pollFirst();
            }
        }
    }

    /** When the global failure budget has room again (0: it has room now). */
    private long globalFailuresUntil(long now) {
        synchronized (globalFailures) {
            long cutoff = now - window.toMillis();
            while (!globalFailures.isEmpty() && globalFailures.peekFirst() <= cutoff) {
                globalFailures.pollFirst();
            }
            return globalFailures.size() >= maxGlobalFailures ? globalFailures.peekFirst() + window.toMillis() : 0;
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
