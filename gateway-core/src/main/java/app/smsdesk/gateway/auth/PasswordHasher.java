package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.domain.UnavailableException;
import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bcrypt password hashing (cost 10; about 70 ms a verify, so it never runs on a cache hit). Verifications are
 * bounded: at most half the cores run them at once and only a few wait for a turn, so a flood of logins from many
 * addresses cannot take the CPU from everything else; past that a check is refused with 503.
 */
public final class PasswordHasher {
    static final int MAX_WAITING = 32;
    static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final int cost;
    private final Semaphore running = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
            true);
    private final AtomicInteger waiting = new AtomicInteger();

    public PasswordHasher() {
        this(10);
    }

    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        // bcrypt only reads the first 72 bytes; longer inputs are rejected rather than silently truncated.
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return false;
        }
        acquire();
        try {
            return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
        } finally {
            running.release();
        }
    }

    private void acquire() {
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!running.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static UnavailableException busy() {
        return new UnavailableException("too many password checks at once; try again shortly");
    }
}
