package app.smsdesk.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token inventory as the per-request check needs it, held in memory so that check is a hash lookup and never
 * a database read: which token ids were issued here, until when, and which of them are revoked.
 *
 * <p>A JWT is accepted only when its id is <em>known</em> and not revoked: an allow-list, not just a deny-list.
 * A correctly signed token without a row in the inventory (one minted after the backup a gateway was restored
 * from, say) is refused rather than valid and unrevocable (audit F7). Entries are dropped once their token has
 * expired anyway.
 */
public final class KnownTokens {
    private final ConcurrentHashMap<String, Long> issued = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public KnownTokens(Clock clock) {
        this.clock = clock;
    }

    /** Records a token written to the inventory, or its new end. */
    public void issued(String jti, Instant expiresAt) {
        issued.put(jti, expiresAt.toEpochMilli());
    }

    /** Records a revocation (the token stays known, so it is refused as revoked rather than as unknown). */
    public void revoked(String jti, Instant expiresAt) {
        revoked.put(jti, expiresAt.toEpochMilli());
        issued.putIfAbsent(jti, expiresAt.toEpochMilli());
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    /**
     * The per-request check, one lookup: {@code null} when the token is in the inventory and its end there has not
     * passed, else why not ("unknown", or "rolled": its end may come before the {@code exp} claim, as a rolled
     * token works out its grace period, then dies).
     */
    public String whyNotCurrent(String jti) {
        Long at = issued.get(jti);
        if (at == null) {
            return "unknown";
        }
        return at <= clock.millis() ? "rolled" : null;
    }

    /** When a known token expires. */
    public Optional<Instant> expiryOf(String jti) {
        Long at = issued.get(jti);
        return at == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    /** Forgets tokens that have expired (they fail the expiry check anyway). */
    public void prune() {
        long now = clock.millis();
        revoked.values().removeIf(exp -> exp < now);
        issued.values().removeIf(exp -> exp < now);
    }
}
