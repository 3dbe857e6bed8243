package app.smsdesk.gateway.auth;

import app.smsdesk.gateway.store.GuardStore.Guarded;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guards of the guarded unexpired tokens, in memory, so that checking them costs a request one hash lookup
 * (a miss for an unguarded token). The store holds them per token family; this holds them per jti.
 */
public final class TokenGuardBook {
    private final ConcurrentHashMap<String, Guarded> byJti = new ConcurrentHashMap<>();

    /** Sets a token's guards; empty guards remove it. */
    public void put(String jti, Guarded guarded) {
        if (guarded == null || guarded.guards().isEmpty()) {
            byJti.remove(jti);
        } else {
            byJti.put(jti, guarded);
        }
    }

    public Optional<Guarded> of(String jti) {
        return jti == null ? Optional.empty() : Optional.ofNullable(byJti.get(jti));
    }

    /** Drops a token (expired or revoked: it can no longer authenticate). */
    public void forget(String jti) {
        byJti.remove(jti);
    }
}
