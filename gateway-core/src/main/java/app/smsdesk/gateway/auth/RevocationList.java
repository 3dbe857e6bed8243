package app.smsdesk.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Revoked token ids held in memory, so the per-request check is a hash lookup and never a database read.
 * Entries are dropped once their token has expired anyway.
 */
public final class RevocationList {
    private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public RevocationList(Clock clock) {
        this.clock = clock;
    }

    public void add(String jti, Instant expiresAt) {
        revoked.put(jti, expiresAt.toEpochMilli());
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    public int size() {
        return revoked.size();
    }

    /** Forgets entries of tokens that have expired (they fail the expiry check anyway). */
    public void prune() {
        long now = clock.millis();
        revoked.values().removeIf(exp -> exp < now);
    }
}
