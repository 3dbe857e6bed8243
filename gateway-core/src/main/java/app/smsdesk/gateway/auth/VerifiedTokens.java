package app.smsdesk.gateway.auth;

import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JWTs whose signature and claims already checked out, keyed by a SHA-256 of the token (never the token itself,
 * and a lookup compares digests, not secrets). Entries stay valid for as long as the token does: the signing key
 * never changes while the gateway runs and the claims are part of what was signed. Expiry is re-checked on every
 * use by the codec; revocation by the caller. Bounded: when full, expired entries go first, then all of them.
 */
final class VerifiedTokens {
    static final int DEFAULT_CAPACITY = 10_000;
    private final int capacity;
    private final ConcurrentHashMap<String, JwtCodec.Claims> entries = new ConcurrentHashMap<>();

    VerifiedTokens(int capacity) {
        this.capacity = capacity;
    }

    static String key(String token) {
        return Base64.getEncoder().withoutPadding().encodeToString(Secrets.sha256(token));
    }

    JwtCodec.Claims get(String key) {
        return entries.get(key);
    }

    void put(String key, JwtCodec.Claims claims, long nowMillis) {
        if (entries.size() >= capacity) {
            entries.values().removeIf(c -> c.expiresAt().toEpochMilli() <= nowMillis);
            if (entries.size() >= capacity) {
                // More live tokens than the bound: start over rather than track recency on every hit.
                entries.clear();
            }
        }
        entries.put(key, claims);
    }

    int size() {
        return entries.size();
    }
}
